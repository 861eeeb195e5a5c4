import { sql, type Kysely } from 'kysely';
import type { Database, FollowUpTable } from '../schema';

/** Records one follow-up (rows are never changed: a correction is a new row naming the one it replaces). */
export async function insertFollowUp(db: Kysely<Database>, row: FollowUpTable): Promise<void> {
  await db.insertInto('follow_ups').values(row).execute();
}

/** One follow-up by id, with the id of the later entry that corrects it (null while it stands). */
export async function findFollowUp(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('follow_ups')
    .leftJoin('follow_ups as correction', 'correction.replaces_id', 'follow_ups.id')
    .selectAll('follow_ups')
    .select('correction.id as replaced_by_id')
    .where('follow_ups.id', '=', id)
    .executeTakeFirst();
}

/**
 * A person's follow-ups of one exit, newest version first, each with who recorded it and the id of
 * the later entry that corrects it (null while it stands).
 */
export async function listFollowUps(db: Kysely<Database>, participantId: string, exitedOn: string) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('users', 'users.id', 'follow_ups.recorded_by')
    .leftJoin('follow_ups as correction', 'correction.replaces_id', 'follow_ups.id')
    .selectAll('follow_ups')
    .select(['users.display_name as recorded_by_name', 'correction.id as replaced_by_id'])
    .where('follow_ups.participant_id', '=', participantId)
    .where('follow_ups.exited_on', '=', exitedOn)
    .orderBy('follow_ups.point')
    .orderBy('follow_ups.version', 'desc')
    .execute();
}

/**
 * Exits whose 3-month follow-up could be due by `latestExitOn` (the exit date three months before
 * the list's horizon), with the person, their coach, the episode the exit ended and the follow-up
 * points already recorded for that exit (comma-separated). Every exit counts, not only the current
 * one: an earlier episode's end is kept on the next episode's row (`previous_ended_on`), so its
 * follow-ups stay due after the person is referred again. `coachUserId` narrows it to one coach's people.
 */
export async function listExitsForFollowUp(db: Kysely<Database>, latestExitOn: string, coachUserId?: string) {
  let query = db
    .with('e', (qb) =>
      qb
        .selectFrom('participant_exits as x')
        .select([
          'x.participant_id',
          'x.exited_on',
          // The current exit ends the newest episode: 1 when no later one was ever started.
          sql<number>`(SELECT coalesce(max(pe.number), 1) FROM participant_episodes pe WHERE pe.participant_id = x.participant_id)`.as(
            'episode',
          ),
        ])
        .unionAll(
          qb
            .selectFrom('participant_episodes as n')
            .select(['n.participant_id', 'n.previous_ended_on as exited_on', sql<number>`n.number - 1`.as('episode')]),
        ),
    )
    .selectFrom('e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .leftJoin('users as coach', 'coach.id', 'p.coach_user_id')
    .select([
      'p.id as participant_id',
      'p.reference',
      'p.given_name',
      'p.family_name',
      'coach.display_name as coach_name',
      'e.episode',
      'e.exited_on',
      sql<
        string | null
      >`(SELECT group_concat(DISTINCT f.point) FROM follow_ups f WHERE f.participant_id = e.participant_id AND f.exited_on = e.exited_on)`.as(
        'recorded_points',
      ),
    ])
    .where('e.exited_on', '<=', latestExitOn);
  if (coachUserId !== undefined) query = query.where('p.coach_user_id', '=', coachUserId);
  return query.orderBy('e.exited_on').orderBy('p.reference').execute();
}
