import { sql, type Kysely } from 'kysely';
import type { Database, TeamMemberTable } from '../schema';

/** Every team member, active or not, by name. */
export async function listTeamMembers(db: Kysely<Database>): Promise<TeamMemberTable[]> {
  return db
    .selectFrom('team_members')
    .selectAll()
    .orderBy(sql`full_name COLLATE NOCASE`)
    .orderBy('id')
    .execute();
}

export async function findTeamMember(db: Kysely<Database>, id: string): Promise<TeamMemberTable | undefined> {
  return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The team member linked to an app account, if any. */
export async function findTeamMemberByUser(db: Kysely<Database>, userId: string): Promise<TeamMemberTable | undefined> {
  return db.selectFrom('team_members').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Another team member holding this registration with this body, if any. */
export async function findTeamMemberByRegistration(
  db: Kysely<Database>,
  registration: { body: string; number: string; exceptId: string | undefined },
): Promise<TeamMemberTable | undefined> {
  let query = db
    .selectFrom('team_members')
    .selectAll()
    .where('professional_body', '=', registration.body)
    .where('registration_number', '=', registration.number);
  if (registration.exceptId !== undefined) query = query.where('id', '!=', registration.exceptId);
  return query.executeTakeFirst();
}

/** Links a team member to an app account, moving the member to its next version. */
export async function linkTeamMemberToUser(
  db: Kysely<Database>,
  link: { teamMemberId: string; userId: string; by: string; at: string },
): Promise<void> {
  await db
    .updateTable('team_members')
    .set((eb) => ({ user_id: link.userId, version: eb('version', '+', 1), updated_at: link.at, updated_by: link.by }))
    .where('id', '=', link.teamMemberId)
    .execute();
}

export async function insertTeamMember(db: Kysely<Database>, row: TeamMemberTable): Promise<void> {
  await db.insertInto('team_members').values(row).execute();
}

/**
 * Saves changes only if the row is still at `expectedVersion`, moving it to the next version;
 * returns whether it did, so a concurrent save is detected instead of overwritten.
 */
export async function updateTeamMemberAtVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Omit<TeamMemberTable, 'id' | 'version' | 'created_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('team_members')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
