import type { Kysely } from 'kysely';
import type { Database, UserTable } from '../schema';

export async function insertUser(db: Kysely<Database>, user: UserTable): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Every account with the name of a team member linked to it, active first, by name. An account
 * linked to two team members comes twice.
 */
export async function listUsersWithTeamMember(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('team_members', 'team_members.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.created_at',
      'users.disabled_at',
      'team_members.full_name',
    ])
    .orderBy('users.disabled_at')
    .orderBy('users.display_name')
    .execute();
}

/** How many administrators can still sign in. */
export async function countEnabledAdministrators(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Revokes an account: it stays on record, but can no longer sign in. */
export async function disableUser(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
}

/** Gives an account another role. */
export async function setUserRole(db: Kysely<Database>, id: string, role: string): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

/** Accounts that can still sign in, by display name. */
export async function listEnabledUsers(db: Kysely<Database>): Promise<UserTable[]> {
  return db.selectFrom('users').selectAll().where('disabled_at', 'is', null).orderBy('display_name').execute();
}
