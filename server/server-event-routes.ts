import type { Kysely } from 'kysely';
import type { MutationResult } from '../core/sync/sync-protocol';
import { bearerToken, tokenHash } from './auth-session';
import { HttpError } from './http-error';
import type { Route, RouteContext } from './route';
import { recordServerEvent } from './server-audit-append';
import type { ServerDatabase } from './server-schema';

/** The user and laptop a sign-in challenge was issued to, and whether that laptop is enrolled yet. */
async function challengeOwner(db: Kysely<ServerDatabase>, body: unknown) {
  const challengeId = (body as { challengeId?: unknown } | null)?.challengeId;
  if (typeof challengeId !== 'string' || challengeId.length > 100) return undefined;
  const owner = await db
    .selectFrom('challenges')
    .innerJoin('users', 'users.id', 'challenges.user_id')
    .leftJoin('devices', 'devices.id', 'challenges.device_id')
    .select([
      'users.id as userId',
      'users.username',
      'users.partnership_id as partnershipId',
      'challenges.device_id as deviceId',
      'devices.id as enrolled',
    ])
    .where('challenges.id', '=', challengeId)
    .executeTakeFirst();
  return owner === undefined ? undefined : { ...owner, enrolled: owner.enrolled !== null };
}

/**
 * The sign-in answer route, with its outcome recorded in the partnership's audit chain: a sign-in,
 * a laptop's enrolment (its first sign-in), or a refused sign-in (recorded once in a row, so a
 * laptop retrying does not flood the chain). A challenge for an unknown user names no partnership,
 * so it is only in the request log.
 */
export function withSignInEvents(route: Route): Route {
  return {
    ...route,
    async handle(context) {
      const owner = await challengeOwner(context.db, context.body);
      const who = owner && { partnershipId: owner.partnershipId, deviceId: owner.deviceId, userId: owner.userId, username: owner.username };
      try {
        const answer = await route.handle(context);
        if (who !== undefined) {
          if (owner?.enrolled === false) {
            const referenceBlock = (answer.body as { referenceBlock?: unknown }).referenceBlock;
            await recordServerEvent(context.db, {
              ...who,
              action: 'enrol',
              channel: route.pattern,
              outcome: 'ok',
              subject: typeof referenceBlock === 'number' ? { referenceBlock } : {},
            });
          }
          await recordServerEvent(context.db, { ...who, action: 'sign_in', channel: route.pattern, outcome: 'ok' });
        }
        return answer;
      } catch (error) {
        if (who !== undefined && error instanceof HttpError)
          await recordServerEvent(
            context.db,
            { ...who, action: 'sign_in_failed', channel: route.pattern, outcome: error.code },
            { unlessRepeated: true },
          );
        throw error;
      }
    },
  };
}

/** Who holds a bearer token, revoked or not: for recording a refusal, never for allowing anything. */
async function tokenHolder(db: Kysely<ServerDatabase>, headers: RouteContext['headers']) {
  const token = bearerToken(headers);
  if (token === '') return undefined;
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id as userId', 'users.username', 'users.partnership_id as partnershipId', 'sessions.device_id as deviceId'])
    .where('sessions.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
}

/**
 * The push route, with every refusal recorded in the partnership's audit chain: each change the
 * server refused (its channel, code and mutation id), and a push refused whole (a revoked laptop,
 * an unknown format: once in a row). An ended sign-in is routine (the laptop signs in again) and
 * not recorded.
 */
export function withPushRefusalEvents(route: Route): Route {
  return {
    ...route,
    async handle(context) {
      let answer;
      try {
        answer = await route.handle(context);
      } catch (error) {
        const holder =
          error instanceof HttpError && error.code !== 'NOT_SIGNED_IN' ? await tokenHolder(context.db, context.headers) : undefined;
        if (holder !== undefined && error instanceof HttpError)
          await recordServerEvent(
            context.db,
            { ...holder, action: 'refused', channel: route.pattern, outcome: error.code },
            { unlessRepeated: true },
          );
        throw error;
      }
      const refused = (answer.body as { results: MutationResult[] }).results.filter(
        (result): result is Extract<MutationResult, { outcome: 'refused' }> => result.outcome === 'refused',
      );
      const holder = refused.length > 0 ? await tokenHolder(context.db, context.headers) : undefined;
      if (holder === undefined) return answer;
      // The body was parsed by the route before it answered: it holds the mutations.
      const mutations = (context.body as { mutations: Array<{ mutationId: number; channel: string }> }).mutations;
      for (const result of refused)
        await recordServerEvent(context.db, {
          ...holder,
          action: 'refused',
          channel: mutations.find((mutation) => mutation.mutationId === result.mutationId)?.channel ?? route.pattern,
          outcome: result.code,
          subject: { mutationId: result.mutationId },
        });
      return answer;
    },
  };
}

/**
 * An administrator's revocation route (of a user or a laptop), with the revocation recorded in the
 * partnership's audit chain: who revoked, from which laptop, and the id revoked.
 */
export function withRevocationEvent(route: Route, revoked: 'userId' | 'deviceId'): Route {
  return {
    ...route,
    async handle(context) {
      const answer = await route.handle(context);
      const holder = await tokenHolder(context.db, context.headers);
      if (holder !== undefined)
        await recordServerEvent(context.db, {
          ...holder,
          action: 'revoke',
          channel: route.pattern,
          outcome: 'ok',
          subject: { [revoked]: context.params.id ?? '' },
        });
      return answer;
    },
  };
}
