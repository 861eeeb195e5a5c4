import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addDaysToIsoDate } from '../../core/calendar-date';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { SignedInUser } from '../../core/schemas/session';
import { participantsWithPlanAgreedAt } from '../../db/repositories/action-plan-repository';
import {
  findMeeting,
  insertMeeting,
  listAgendaItems,
  markMeetingEnded,
  nextPlannedMeeting,
  setAgendaItemStatus,
  type MeetingRow,
} from '../../db/repositories/meeting-repository';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { peopleRefusingService } from '../../db/repositories/consent-repository';
import { listManyOnAgenda } from './agenda-listing';
import { requireMeeting, requirePlanned } from './meeting-service';

/** How far ahead a meeting made for cases not reached is planned, when none is planned yet. */
const NEXT_MEETING_AFTER_DAYS = 7;

/** The next planned meeting, or a new one a week later with the same chair, team and time per case. */
async function nextMeetingFor(trx: Kysely<Database>, meeting: MeetingRow, user: SignedInUser, at: string): Promise<MeetingRow> {
  const planned = await nextPlannedMeeting(trx, { heldOn: meeting.held_on, startsAt: meeting.starts_at, excludeId: meeting.id });
  if (planned !== undefined) return planned;
  const next: MeetingRow = {
    id: randomUUID(),
    held_on: addDaysToIsoDate(meeting.held_on, NEXT_MEETING_AFTER_DAYS),
    starts_at: meeting.starts_at,
    chair_id: meeting.chair_id,
    expected_attendee_ids_json: meeting.expected_attendee_ids_json,
    present_ids_json: null,
    minutes_per_case: meeting.minutes_per_case,
    duration_minutes: meeting.duration_minutes,
    status: 'planned',
    agenda_reordered: 0,
    created_by: user.userId,
    created_at: at,
    ended_at: null,
    ended_by: null,
    rolled_forward_to_id: null,
  };
  await insertMeeting(trx, next);
  return next;
}

/**
 * Ends a meeting. A case counts as discussed when it has notes or decisions, or its plan was agreed
 * at this meeting; every other case was not reached and rolls forward to the next planned meeting
 * (one is planned a week later if there is none). Attendance must have been recorded. All in one
 * transaction; afterwards the agenda is locked.
 */
export async function endMeeting(
  store: Store,
  input: ParsedInput<'meetings.end'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'meetings.end'>> {
  const meeting = await requireMeeting(store, input.meetingId);
  requirePlanned(meeting);
  if (meeting.present_ids_json === null)
    throw new AppError('VALIDATION', 'Record who attended before ending the meeting.', {
      presentIds: 'Record who attended before ending the meeting',
    });
  const at = now.toISOString();
  try {
    return await auditedTransaction(store, async (trx) => {
      const current = await findMeeting(trx, meeting.id);
      if (current?.status !== 'planned') throw new AppError('CONFLICT', 'Someone else ended this meeting already.');
      const [items, agreed] = await Promise.all([listAgendaItems(trx, meeting.id), participantsWithPlanAgreedAt(trx, meeting.id)]);
      const notReached = items.filter((item) => item.notes === '' && item.decisions === '' && !agreed.has(item.participant_id));
      const notReachedIds = new Set(notReached.map((item) => item.id));
      for (const item of items) await setAgendaItemStatus(trx, item.id, notReachedIds.has(item.id) ? 'not_reached' : 'discussed');
      let next: MeetingRow | undefined;
      if (notReached.length > 0) {
        next = await nextMeetingFor(trx, meeting, user, at);
        const alreadyThere = new Set((await listAgendaItems(trx, next.id)).map((item) => item.participant_id));
        // Someone who withdrew (or declined) consent to the service is never listed again.
        const refusing = await peopleRefusingService(
          trx,
          notReached.map((item) => item.participant_id),
        );
        // All carried over in one listing: the next agenda is read and ordered once, not once per case.
        const cases = notReached
          .filter((item) => !alreadyThere.has(item.participant_id) && !refusing.has(item.participant_id))
          .map((item) => ({ participantId: item.participant_id, carriedOverFromId: item.id }));
        await listManyOnAgenda(trx, { meeting: next, cases, by: user.userId, at });
      }
      await markMeetingEnded(trx, { id: meeting.id, at, by: user.userId, rolledForwardToId: next?.id ?? null });
      return { notReached: notReached.length, nextMeetingId: next?.id ?? null };
    });
  } catch (error) {
    throw toStoreError(error);
  }
}
