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

/** Accounts that can still sign in, by display name. */
export async function listEnabledUsers(db: Kysely<Database>): Promise<UserTable[]> {
  return db.selectFrom('users').selectAll().where('disabled_at', 'is', null).orderBy('display_name').execute();
}
