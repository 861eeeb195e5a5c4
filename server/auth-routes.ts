import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { answerRequestSchema, challengeRequestSchema } from '../core/sync/sync-protocol';
import { newChallengeKeyPair, verifyChallengeAnswer } from './auth-challenge';
import { tokenHash } from './auth-session';
import { HttpError } from './http-error';
import type { Route } from './route';
import { signedServerRole } from './signed-role';
import { parseBody } from './sync-body';

/** A challenge must be answered within this long. */
const CHALLENGE_SECONDS = 120;
/** A session lasts this long; revocation still applies at once (auth-session.ts). */
export const SESSION_SECONDS = 3_600;

/** The same answer for an unknown user and a wrong proof: the server does not confirm usernames. */
const signInFailed = () => new HttpError(401, 'SIGN_IN_FAILED', 'The partnership server did not recognise this user on this laptop.');
const revoked = () =>
  new HttpError(403, 'REVOKED', 'This user or this laptop has been revoked on the partnership server. Ask an administrator.');

/**
 * POST /auth/challenge: a one-time X25519 key and nonce for a user on a laptop. A username the
 * server does not know gets the same answer made the same way (the same query, a fresh key pair and
 * nonce, a stored one-time challenge): a decoy that names no user, whose answer step fails with the
 * one generic SIGN_IN_FAILED. A revoked user or laptop gets an ordinary challenge and is told REVOKED
 * only once the proof shows they hold the user's key. So this step never tells whether a username
 * exists or was revoked (GET /enrol/slot's decoys do the same there). A real challenge is fresh on
 * every request, so a decoy is too: one that stayed the same would itself be the tell.
 */
export const challengeRoute: Route = {
  method: 'POST',
  pattern: '/auth/challenge',
  body: 'json',
  async handle({ db, body }) {
    const { username, deviceId } = parseBody(challengeRequestSchema, body);
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    const pair = newChallengeKeyPair();
    const challenge = {
      id: randomUUID(),
      user_id: user?.id ?? null,
      device_id: deviceId,
      server_public_key: pair.publicKey.toString('base64'),
      server_private_key: pair.privateKey.toString('base64'),
      nonce: randomBytes(32).toString('base64'),
    };
    // Challenges never answered (decoys included) go once expired, so asking again and again cannot grow the table.
    await db
      .deleteFrom('challenges')
      .where('expires_at', '<=', sql<Date>`now()`)
      .execute();
    await db
      .insertInto('challenges')
      .values({ ...challenge, expires_at: sql<Date>`now() + make_interval(secs => ${CHALLENGE_SECONDS})` })
      .execute();
    return { status: 200, body: { challengeId: challenge.id, serverPublicKey: challenge.server_public_key, nonce: challenge.nonce } };
  },
};

/**
 * POST /auth/answer: checks the proof, enrols the laptop on its first sign-in (giving it the next
 * participant reference block), and answers with a bearer token.
 */
export const answerRoute: Route = {
  method: 'POST',
  pattern: '/auth/answer',
  body: 'json',
  async handle({ db, body }) {
    const { challengeId, proof } = parseBody(answerRequestSchema, body);
    return db.transaction().execute(async (trx) => {
      // Deleted as it is read: a challenge is answered once, right or wrong.
      const challenge = await trx
        .deleteFrom('challenges')
        .where('id', '=', challengeId)
        .where('expires_at', '>', sql<Date>`now()`)
        .returningAll()
        .executeTakeFirst();
      // Expired, answered before, or a decoy (no user): the one generic refusal.
      if (challenge?.user_id == null) throw signInFailed();
      const user = await trx
        .selectFrom('users')
        .innerJoin('partnerships', 'partnerships.id', 'users.partnership_id')
        .select([
          'users.id',
          'users.username',
          'users.role',
          'users.public_key',
          'users.revoked_at',
          'users.partnership_id',
          'partnerships.name as partnershipName',
          'users.role_version as roleVersion',
          'partnerships.store_id as storeId',
          (eb) => eb.selectFrom('keyring_slots').select('slot').whereRef('keyring_slots.user_id', '=', 'users.id').as('slot'),
        ])
        .where('users.id', '=', challenge.user_id)
        .executeTakeFirst();
      if (user === undefined) throw signInFailed();
      const facts = { challengeId, username: user.username, deviceId: challenge.device_id, nonce: challenge.nonce };
      const server = {
        privateKey: Buffer.from(challenge.server_private_key, 'base64'),
        publicKey: Buffer.from(challenge.server_public_key, 'base64'),
      };
      if (!verifyChallengeAnswer(server, Buffer.from(user.public_key, 'base64'), facts, proof)) throw signInFailed();
      if (user.revoked_at !== null) throw revoked();
      // Told only to someone who proved they hold the user's key, as REVOKED is.
      const role = signedServerRole(user);
      let device = await trx.selectFrom('devices').selectAll().where('id', '=', challenge.device_id).forUpdate().executeTakeFirst();
      if (device?.revoked_at != null) throw revoked();
      // A laptop belongs to one partnership; its other users may sign in on it, no one else's.
      if (device !== undefined && device.partnership_id !== user.partnership_id) throw signInFailed();
      if (device === undefined) {
        // Serialise block numbering within the partnership: two laptops enrolling together get different blocks.
        await sql`SELECT pg_advisory_xact_lock(hashtext(${user.partnership_id}))`.execute(trx);
        const { next } = await trx
          .selectFrom('devices')
          .select(sql<number>`coalesce(max(reference_block), 0) + 1`.as('next'))
          .where('partnership_id', '=', user.partnership_id)
          .executeTakeFirstOrThrow();
        device = await trx
          .insertInto('devices')
          .values({ id: challenge.device_id, partnership_id: user.partnership_id, user_id: user.id, reference_block: next })
          .returningAll()
          .executeTakeFirstOrThrow();
      }
      const token = randomBytes(32).toString('base64url');
      const session = await trx
        .insertInto('sessions')
        .values({
          token_hash: tokenHash(token),
          user_id: user.id,
          device_id: device.id,
          expires_at: sql<Date>`now() + make_interval(secs => ${SESSION_SECONDS})`,
        })
        .returning('expires_at')
        .executeTakeFirstOrThrow();
      return {
        status: 200,
        body: {
          token,
          expiresAt: session.expires_at.toISOString(),
          user: { userId: user.id, username: user.username, role },
          partnership: { id: user.partnership_id, name: user.partnershipName },
          referenceBlock: device.reference_block,
        },
      };
    });
  },
};
