import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AgendaItemTable, Database, MeetingTable, TriageDecisionTable } from '../schema';

export type MeetingRow = Selectable<MeetingTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;

export async function insertMeeting(db: Kysely<Database>, row: Insertable<MeetingTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export async function findMeeting(db: Kysely<Database>, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records who was present, while the meeting is still planned. */
export async function recordMeetingAttendance(db: Kysely<Database>, meetingId: string, presentIds: readonly string[]): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ present_ids_json: JSON.stringify(presentIds) })
    .where('id', '=', meetingId)
    .where('status', '=', 'planned')
    .execute();
}

/** Notes that the agenda was put in order by hand, so new cases join its end from then on. */
export async function markAgendaReordered(db: Kysely<Database>, meetingId: string): Promise<void> {
  await db.updateTable('meetings').set({ agenda_reordered: 1 }).where('id', '=', meetingId).execute();
}

/** Marks a meeting ended, by whom and when, and where its cases not reached went (null: none). */
export async function markMeetingEnded(
  db: Kysely<Database>,
  end: { id: string; at: string; by: string; rolledForwardToId: string | null },
): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ status: 'ended', ended_at: end.at, ended_by: end.by, rolled_forward_to_id: end.rolledForwardToId })
    .where('id', '=', end.id)
    .execute();
}

/** Every meeting with its chair's name and number of cases, newest date first. */
export async function listMeetings(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('meetings')
    .innerJoin('team_members as chair', 'chair.id', 'meetings.chair_id')
    .selectAll('meetings')
    .select('chair.full_name as chair_name')
    .select((eb) =>
      eb
        .selectFrom('agenda_items')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
        .as('case_count'),
    )
    .orderBy('meetings.held_on', 'desc')
    .orderBy('meetings.starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** The first planned meeting strictly after a date and time: where cases not reached roll forward. */
export async function nextPlannedMeeting(
  db: Kysely<Database>,
  after: { heldOn: string; startsAt: string; excludeId: string },
): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('status', '=', 'planned')
    .where('id', '<>', after.excludeId)
    .where((eb) =>
      eb.or([eb('held_on', '>', after.heldOn), eb.and([eb('held_on', '=', after.heldOn), eb('starts_at', '>', after.startsAt)])]),
    )
    .orderBy('held_on')
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}

/** A meeting's agenda in order, with each person's reference and name and who last saved notes. */
export async function listAgendaItems(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('agenda_items')
    .innerJoin('participants', 'participants.id', 'agenda_items.participant_id')
    .leftJoin('users as editor', 'editor.id', 'agenda_items.notes_updated_by')
    .selectAll('agenda_items')
    .select([
      'participants.reference',
      'participants.given_name',
      'participants.family_name',
      'editor.display_name as notes_updated_by_name',
    ])
    .where('agenda_items.meeting_id', '=', meetingId)
    .orderBy('agenda_items.position')
    .orderBy('agenda_items.listed_at')
    .execute();
}
export type AgendaItemWithPerson = Awaited<ReturnType<typeof listAgendaItems>>[number];

export async function findAgendaItem(db: Kysely<Database>, id: string): Promise<AgendaItemRow | undefined> {
  return db.selectFrom('agenda_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgendaItem(db: Kysely<Database>, row: Insertable<AgendaItemTable>): Promise<void> {
  await db.insertInto('agenda_items').values(row).execute();
}

/** A meeting's agenda as ids and sort keys only, in order: what a reorder needs (no joins). */
export async function listAgendaOrder(db: Kysely<Database>, meetingId: string): Promise<Array<{ id: string; position: number }>> {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'position'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('listed_at')
    .execute();
}

/** Gives only the moved items their new sort keys (see core/meetings/agenda-moves.ts). */
export async function moveAgendaItems(
  db: Kysely<Database>,
  meetingId: string,
  moves: ReadonlyArray<{ id: string; position: number }>,
): Promise<void> {
  for (const move of moves) {
    await db
      .updateTable('agenda_items')
      .set({ position: move.position })
      .where('id', '=', move.id)
      .where('meeting_id', '=', meetingId)
      .execute();
  }
}

export async function setAgendaPositions(db: Kysely<Database>, meetingId: string, orderedIds: readonly string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db.updateTable('agenda_items').set({ position }).where('id', '=', id).where('meeting_id', '=', meetingId).execute();
  }
}

/** Saves notes only at the version the editor started from; returns whether it did. */
export async function updateCaseNotes(
  db: Kysely<Database>,
  change: { id: string; expectedVersion: number; notes: string; decisions: string; by: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('agenda_items')
    .set((eb) => ({
      notes: change.notes,
      decisions: change.decisions,
      notes_updated_at: change.at,
      notes_updated_by: change.by,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setAgendaItemStatus(db: Kysely<Database>, id: string, status: string): Promise<void> {
  await db.updateTable('agenda_items').set({ status }).where('id', '=', id).execute();
}

/** Meetings in planned status listing a person (a case sits on at most one future agenda at a time). */
export async function plannedListingsOf(db: Kysely<Database>, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select(['agenda_items.participant_id', 'meetings.id as meeting_id', 'meetings.held_on'])
    .where('meetings.status', '=', 'planned')
    .where('agenda_items.participant_id', 'in', participantIds)
    .execute();
}

export async function insertTriageDecision(db: Kysely<Database>, row: TriageDecisionTable): Promise<void> {
  await db.insertInto('triage_decisions').values(row).execute();
}

/** The newest triage decision of each of these people, with who made it. */
export async function latestTriageDecisions(db: Kysely<Database>, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('triage_decisions')
    .innerJoin('users', 'users.id', 'triage_decisions.decided_by')
    .selectAll('triage_decisions')
    .select('users.display_name as decided_by_name')
    .where('triage_decisions.participant_id', 'in', participantIds)
    .where(({ eb, selectFrom }) =>
      eb(
        'triage_decisions.id',
        '=',
        selectFrom('triage_decisions as newer')
          .select('newer.id')
          .whereRef('newer.participant_id', '=', 'triage_decisions.participant_id')
          .orderBy('newer.decided_at', 'desc')
          .orderBy('newer.id', 'desc')
          .limit(1),
      ),
    )
    .execute();
}

/** People waiting for triage or an MDT: status ready for MDT, oldest referral first. */
export async function listReadyForMdt(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('participants')
    .select(['id', 'reference', 'given_name', 'family_name'])
    .where('status', '=', 'ready_for_mdt')
    .orderBy('updated_at')
    .orderBy('reference')
    .limit(limit)
    .execute();
}

/** For each person: a joined-up assessment exists; consent to the service is in force; open risk flags; disciplines involved. */
export async function caseFacts(db: Kysely<Database>, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('participants as p')
    .select('p.id')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('assessments')
            .select('id')
            .whereRef('assessments.participant_id', '=', 'p.id')
            .where('assessments.kind', '=', 'joined_up'),
        )
        .as('has_joined_up'),
    )
    .select((eb) =>
      eb
        .selectFrom('consents')
        .select(sql<number>`decision = 'given' AND withdrawn_on IS NULL`.as('in_force'))
        .whereRef('consents.participant_id', '=', 'p.id')
        .where('consents.purpose', '=', 'service')
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .as('service_consent'),
    )
    .select((eb) =>
      eb
        .selectFrom('risk_flags')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('risk_flags.participant_id', '=', 'p.id')
        .where('risk_flags.acknowledged_at', 'is', null)
        .as('open_flags'),
    )
    .select(
      sql<number>`(SELECT count(*) FROM (SELECT discipline FROM assessments WHERE participant_id = p.id AND discipline IS NOT NULL UNION SELECT discipline FROM measure_results WHERE participant_id = p.id))`.as(
        'discipline_count',
      ),
    )
    .where('p.id', 'in', participantIds)
    .execute();
}

/**
 * Takes a person off the agendas of meetings not yet ended where nothing was recorded about them
 * (their consent to the service was withdrawn); a case with notes or decisions stays, as the record
 * of what was said. Returns how many listings were removed.
 */
export async function removeUndiscussedListings(db: Kysely<Database>, participantId: string): Promise<number> {
  const result = await db
    .deleteFrom('agenda_items')
    .where('participant_id', '=', participantId)
    .where('notes', '=', '')
    .where('decisions', '=', '')
    .where('meeting_id', 'in', (eb) => eb.selectFrom('meetings').select('id').where('status', '=', 'planned'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
