import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role } from '../core/roles';
import { HttpError } from './http-error';
import { signedServerRole } from './signed-role';
import type { RouteContext } from './route';
import type { ServerDatabase } from './server-schema';

/** Who a bearer token speaks for, read from the server's own tables on every request. */
export interface Caller {
  readonly userId: string;
  readonly username: string;
  /** The role the SERVER holds for the user, as an administrator signed it (server/signed-role.ts): a laptop's own users table is never asked. */
  readonly role: Role;
  readonly partnershipId: string;
  readonly deviceId: string;
}

/** Only a hash of a token is stored, so a copy of the database cannot be used to sign in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The request's `Authorization: Bearer` token, or '' when it has none. */
export function bearerToken(headers: RouteContext['headers']): string {
  const header = headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}

/**
 * The caller behind the request's `Authorization: Bearer` token. The user's and the laptop's
 * revocation are checked here, on every request, so revoking either refuses the next call at once
 * rather than when a token expires.
 */
export async function authenticate(db: Kysely<ServerDatabase>, headers: RouteContext['headers']): Promise<Caller> {
  const token = bearerToken(headers);
  if (token === '') throw new HttpError(401, 'NOT_SIGNED_IN', 'Sign in to the partnership server first.');
  const found = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('devices', 'devices.id', 'sessions.device_id')
    .innerJoin('partnerships', 'partnerships.id', 'users.partnership_id')
    .leftJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
    .select([
      'users.id as userId',
      'users.username',
      'users.role',
      'users.partnership_id as partnershipId',
      'devices.id as deviceId',
      'users.revoked_at as userRevoked',
      'devices.revoked_at as deviceRevoked',
      'users.role_version as roleVersion',
      'keyring_slots.slot',
      'partnerships.store_id as storeId',
    ])
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (found === undefined) throw new HttpError(401, 'NOT_SIGNED_IN', 'Your sign-in to the partnership server has ended. Sign in again.');
  if (found.userRevoked !== null || found.deviceRevoked !== null) {
    throw new HttpError(403, 'REVOKED', 'This user or this laptop has been revoked on the partnership server. Ask an administrator.');
  }
  return {
    userId: found.userId,
    username: found.username,
    // The role an administrator signed, checked on every request: never a laptop's word, nor a
    // `users.role` written without a signature.
    role: signedServerRole(found),
    partnershipId: found.partnershipId,
    deviceId: found.deviceId,
  };
}
