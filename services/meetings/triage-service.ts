import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { hasMinimumData, missingMinimumData } from '../../core/meetings/minimum-data';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { MissingItem, TriageOutcome } from '../../core/schemas/meetings';
import type { SignedInUser } from '../../core/schemas/session';
import {
  findMeeting,
  insertTriageDecision,
  latestTriageDecisions,
  listReadyForMdt,
  plannedListingsOf,
} from '../../db/repositories/meeting-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { listOnAgenda } from './agenda-listing';
import { factsOf, loadCaseFacts, minimumDataMessage } from './case-facts';
import { requireParticipant } from '../participants/require-participant';

const QUEUE_LIMIT = 500;

/**
 * Everyone whose status is "ready for the MDT", each with what the minimum data still lacks (by the
 * one rule in core/meetings/minimum-data: empty means ready, otherwise the screen lists them apart
 * as not ready), the minimum data each has, how complex the case looks, the
 * current triage decision and the planned meeting listing them.
 */
export async function triageQueue(store: Store): Promise<ChannelOutput<'triage.queue'>> {
  const people = await listReadyForMdt(store.db, QUEUE_LIMIT);
  const ids = people.map((person) => person.id);
  const [facts, decisions, listings] = await Promise.all([
    loadCaseFacts(store.db, ids),
    latestTriageDecisions(store.db, ids),
    plannedListingsOf(store.db, ids),
  ]);
  const decisionOf = new Map(decisions.map((decision) => [decision.participant_id, decision]));
  const listingOf = new Map(listings.map((listing) => [listing.participant_id, listing]));
  const items = people.map((person) => {
    const decision = decisionOf.get(person.id);
    const listing = listingOf.get(person.id);
    return {
      participantId: person.id,
      reference: person.reference,
      givenName: person.given_name,
      familyName: person.family_name,
      ...factsOf(facts, person.id),
      missing: missingMinimumData(factsOf(facts, person.id).minimumData),
      decision:
        decision === undefined
          ? null
          : {
              outcome: decision.outcome as TriageOutcome,
              missing: JSON.parse(decision.missing_json) as MissingItem[],
              note: decision.note,
              decidedAt: decision.decided_at,
              decidedByName: decision.decided_by_name,
            },
      listedOn: listing === undefined ? null : { meetingId: listing.meeting_id, heldOn: listing.held_on },
    };
  });
  // What needs the coordinator first: complete cases not yet sorted, then cases still missing
  // something, then cases already listed or sent for a standard plan. Stable within each group.
  const group = (item: (typeof items)[number]) =>
    item.decision === null || item.decision.outcome === 'not_ready' ? (hasMinimumData(item.minimumData) ? 0 : 1) : 2;
  return {
    items: items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => group(a.item) - group(b.item) || a.index - b.index)
      .map(({ item }) => item),
  };
}

/**
 * Records how a case goes forward. A full discussion lists it on a planned meeting's agenda, and
 * is refused without the minimum data (a joined-up assessment and consent to the service in
 * force). A case already listed on a planned meeting keeps that listing only while it is going to
 * a full discussion.
 */
export async function decideTriage(
  store: Store,
  input: ParsedInput<'triage.decide'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'triage.decide'>> {
  const participant = await requireParticipant(store, input.participantId);
  if (participant.status !== 'ready_for_mdt') throw new AppError('CONFLICT', 'Only people who are ready for the MDT are triaged.');
  const [listing] = await plannedListingsOf(store.db, [participant.id]);
  const at = now.toISOString();
  try {
    return await auditedTransaction(store, async (trx) => {
      let agendaItemId: string | null = null;
      if (input.outcome === 'full_discussion') {
        const facts = factsOf(await loadCaseFacts(trx, [participant.id]), participant.id);
        if (!hasMinimumData(facts.minimumData))
          throw new AppError('VALIDATION', minimumDataMessage(facts.minimumData), { outcome: minimumDataMessage(facts.minimumData) });
        if (listing !== undefined) throw new AppError('CONFLICT', 'This case is already on the agenda of a planned meeting.');
        const meeting = await findMeeting(trx, input.meetingId ?? '');
        if (meeting === undefined) throw new AppError('VALIDATION', 'Choose a meeting.', { meetingId: 'Choose the meeting' });
        if (meeting.status !== 'planned')
          throw new AppError('VALIDATION', 'That meeting has ended. Choose a planned meeting.', {
            meetingId: 'Choose a meeting that has not ended',
          });
        agendaItemId = await listOnAgenda(trx, { meeting, participantId: participant.id, carriedOverFromId: null, by: user.userId, at });
      } else if (listing !== undefined) {
        throw new AppError('CONFLICT', 'This case is on the agenda of a planned meeting; it stays there for a full discussion.');
      }
      await insertTriageDecision(trx, {
        id: randomUUID(),
        participant_id: participant.id,
        outcome: input.outcome,
        missing_json: JSON.stringify(input.outcome === 'not_ready' ? input.missing : []),
        note: input.note,
        meeting_id: input.outcome === 'full_discussion' ? input.meetingId : null,
        decided_by: user.userId,
        decided_at: at,
      });
      return { agendaItemId };
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new AppError('CONFLICT', 'This case is already on that meeting’s agenda.');
    throw toStoreError(error);
  }
}
