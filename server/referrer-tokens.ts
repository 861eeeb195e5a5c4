import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tokenHash } from './auth-session';
import { ServerError } from './server-error';
import type { ServerDatabase } from './server-schema';

/** A referrer token as an administrator sees it: never the token itself, which is shown once. */
export interface ReferrerTokenSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/**
 * Makes a token for a referrer's system to POST FHIR referrals to the partnership (migration 011).
 * Returns the token once: only its hash is kept, so it cannot be shown again (make a new one).
 */
export async function createReferrerToken(
  db: Kysely<ServerDatabase>,
  job: { partnershipId: string; name: string; now: Date },
): Promise<{ id: string; token: string }> {
  const name = job.name.trim();
  if (name === '' || name.length > 200)
    throw new ServerError('REFERRER_TOKEN_NAME', 'Name whose token it is (1 to 200 characters), e.g. --name "Example GP practice".');
  const id = randomUUID();
  const token = `wwr_${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('referrer_tokens')
    .values({ id, partnership_id: job.partnershipId, name, token_hash: tokenHash(token), created_at: job.now, revoked_at: null })
    .execute();
  return { id, token };
}

/** Revokes a token: the next POST with it is refused. False when the partnership has no such token. */
export async function revokeReferrerToken(
  db: Kysely<ServerDatabase>,
  job: { partnershipId: string; id: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('referrer_tokens')
    .set({ revoked_at: job.now })
    .where('id', '=', job.id)
    .where('partnership_id', '=', job.partnershipId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The partnership's referrer tokens, oldest first. */
export async function listReferrerTokens(db: Kysely<ServerDatabase>, partnershipId: string): Promise<ReferrerTokenSummary[]> {
  const rows = await db
    .selectFrom('referrer_tokens')
    .select(['id', 'name', 'created_at', 'revoked_at'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at }));
}

/** The partnership a token posts for, or undefined when it is unknown or revoked. */
export async function referrerTokenPartnership(db: Kysely<ServerDatabase>, token: string): Promise<string | undefined> {
  if (!/^wwr_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('referrer_tokens')
    .select('partnership_id')
    .where('token_hash', '=', tokenHash(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.partnership_id;
}
