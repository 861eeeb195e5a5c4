import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { defaultAgendaOrder } from '../../core/meetings/agenda-order';
import { insertAgendaItem, listAgendaItems, setAgendaPositions, type MeetingRow } from '../../db/repositories/meeting-repository';
import type { Database } from '../../db/schema';
import { factsOf, loadCaseFacts } from './case-facts';

/** One case to put on an agenda. */
export interface AgendaListing {
  readonly participantId: string;
  readonly carriedOverFromId: string | null;
}

/**
 * Puts cases on a meeting's agenda. Until someone orders the agenda by hand, the whole agenda is
 * kept in the default order (complex cases first); after that, new cases join the end so the
 * chair's order is never shuffled behind their back. Reads the agenda and the case facts once and
 * orders once however many cases are listed, so rolling 5,000 cases forward stays linear.
 */
export async function listManyOnAgenda(
  trx: Kysely<Database>,
  listing: { meeting: MeetingRow; cases: readonly AgendaListing[]; by: string; at: string },
): Promise<string[]> {
  const { meeting } = listing;
  const existing = await listAgendaItems(trx, meeting.id);
  const added = listing.cases.map((entry) => ({ ...entry, id: randomUUID() }));
  // After the last key, whole: a reordered agenda's keys may be fractional and beyond its length.
  const first = Math.floor(existing.reduce((highest, item) => Math.max(highest, item.position), -1)) + 1;
  for (const [index, entry] of added.entries()) {
    await insertAgendaItem(trx, {
      id: entry.id,
      meeting_id: meeting.id,
      participant_id: entry.participantId,
      position: first + index,
      status: 'listed',
      carried_over_from_id: entry.carriedOverFromId,
      listed_at: listing.at,
      listed_by: listing.by,
    });
  }
  const ids = added.map((entry) => entry.id);
  if (meeting.agenda_reordered === 1 || added.length === 0) return ids;
  const facts = await loadCaseFacts(trx, [...existing.map((item) => item.participant_id), ...added.map((entry) => entry.participantId)]);
  const candidates = [
    ...existing.map((item) => ({
      id: item.id,
      complexity: factsOf(facts, item.participant_id).complexity,
      carriedOver: item.carried_over_from_id !== null,
      listedAt: item.listed_at,
    })),
    ...added.map((entry) => ({
      id: entry.id,
      complexity: factsOf(facts, entry.participantId).complexity,
      carriedOver: entry.carriedOverFromId !== null,
      listedAt: listing.at,
    })),
  ];
  await setAgendaPositions(trx, meeting.id, defaultAgendaOrder(candidates));
  return ids;
}

/** Puts one case on a meeting's agenda (see `listManyOnAgenda`); returns the new agenda item's id. */
export async function listOnAgenda(
  trx: Kysely<Database>,
  listing: { meeting: MeetingRow; participantId: string; carriedOverFromId: string | null; by: string; at: string },
): Promise<string> {
  const [id] = await listManyOnAgenda(trx, {
    meeting: listing.meeting,
    cases: [{ participantId: listing.participantId, carriedOverFromId: listing.carriedOverFromId }],
    by: listing.by,
    at: listing.at,
  });
  return id ?? '';
}
