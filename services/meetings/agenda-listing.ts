import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { defaultAgendaOrder } from '../../core/meetings/agenda-order';
import { insertAgendaItem, listAgendaItems, setAgendaPositions, type MeetingRow } from '../../db/repositories/meeting-repository';
import type { Database } from '../../db/schema';
import { factsOf, loadCaseFacts } from './case-facts';

/**
 * Puts a case on a meeting's agenda. Until someone orders the agenda by hand, the whole agenda is
 * kept in the default order (complex cases first); after that, a new case joins the end so the
 * chair's order is never shuffled behind their back.
 */
export async function listOnAgenda(
  trx: Kysely<Database>,
  listing: { meeting: MeetingRow; participantId: string; carriedOverFromId: string | null; by: string; at: string },
): Promise<string> {
  const { meeting } = listing;
  const existing = await listAgendaItems(trx, meeting.id);
  const id = randomUUID();
  await insertAgendaItem(trx, {
    id,
    meeting_id: meeting.id,
    participant_id: listing.participantId,
    position: existing.length,
    status: 'listed',
    carried_over_from_id: listing.carriedOverFromId,
    listed_at: listing.at,
    listed_by: listing.by,
  });
  if (meeting.agenda_reordered === 1) return id;
  const facts = await loadCaseFacts(trx, [...existing.map((item) => item.participant_id), listing.participantId]);
  const candidates = [
    ...existing.map((item) => ({ id: item.id, complexity: factsOf(facts, item.participant_id).complexity, carriedOver: item.carried_over_from_id !== null, listedAt: item.listed_at })),
    { id, complexity: factsOf(facts, listing.participantId).complexity, carriedOver: listing.carriedOverFromId !== null, listedAt: listing.at },
  ];
  await setAgendaPositions(trx, meeting.id, defaultAgendaOrder(candidates));
  return id;
}
