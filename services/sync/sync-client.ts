import type { z } from 'zod';
import {
  challengeResponseSchema,
  enrolmentSlotResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  serverErrorBodySchema,
  sessionSchema,
  SYNC_FORMAT_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type SyncSession,
} from '../../core/sync/sync-protocol';
import { answerChallenge } from '../../db/sync/auth-proof';

/** The server could not be reached at all: the laptop carries on offline (CLI exit 1). */
export class ServerUnreachable extends Error {
  constructor(serverUrl: string, cause: unknown) {
    super(`The partnership server at ${serverUrl} could not be reached. Your changes are kept on this laptop and will be sent next time.`, {
      cause,
    });
    this.name = 'ServerUnreachable';
  }
}

/** The server answered with an error: its typed code and its message for people. */
export class ServerRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerRefused';
  }
}

/** One request to the partnership server, its answer parsed with `schema`; ServerUnreachable or ServerRefused otherwise. */
export async function callServer<Schema extends z.ZodType>(
  serverUrl: string,
  path: string,
  schema: Schema,
  init: { method: 'GET' | 'POST' | 'PUT'; body?: unknown; token?: string; signal?: AbortSignal },
): Promise<z.infer<Schema>> {
  const send = () =>
    fetch(new URL(path, serverUrl), {
      method: init.method,
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.token === undefined ? {} : { Authorization: `Bearer ${init.token}` }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  let response: Response;
  try {
    response = await send().catch((error: unknown) => {
      // The server ends a kept-alive connection after 5 s idle; a request sent on it just then
      // (after applying a long page, say) fails with ECONNRESET before reaching the server. Once
      // more, on a new connection: safe for every call, as pushes are applied once by mutation id,
      // pulls only read, and a challenge is single-use either way.
      if (init.signal?.aborted === true) throw error;
      return send();
    });
  } catch (error) {
    throw new ServerUnreachable(serverUrl, error);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = serverErrorBodySchema.safeParse(json);
    throw parsed.success
      ? new ServerRefused(parsed.data.error.code, parsed.data.error.message)
      : new ServerRefused('INTERNAL', `The partnership server answered ${response.status}.`);
  }
  return schema.parse(json);
}

/** The user's keyring slot and the keyring's description, for a new laptop. */
export function fetchEnrolmentSlot(serverUrl: string, username: string) {
  return callServer(serverUrl, `/enrol/slot?username=${encodeURIComponent(username)}`, enrolmentSlotResponseSchema, { method: 'GET' });
}

/** Signs in with the user's X25519 key pair (db/sync/auth-proof.ts); the passphrase never leaves the laptop. */
export async function signIn(
  serverUrl: string,
  who: { username: string; deviceId: string; privateKey: Buffer; publicKey: Buffer },
): Promise<SyncSession> {
  const challenge = await callServer(serverUrl, '/auth/challenge', challengeResponseSchema, {
    method: 'POST',
    body: { username: who.username, deviceId: who.deviceId },
  });
  const proof = answerChallenge(who, Buffer.from(challenge.serverPublicKey, 'base64'), {
    challengeId: challenge.challengeId,
    username: who.username,
    deviceId: who.deviceId,
    nonce: challenge.nonce,
  });
  return callServer(serverUrl, '/auth/answer', sessionSchema, { method: 'POST', body: { challengeId: challenge.challengeId, proof } });
}

export function push(
  serverUrl: string,
  token: string,
  mutations: readonly Mutation[],
  formatVersion = SYNC_FORMAT_VERSION,
): Promise<PushResponse> {
  return callServer(serverUrl, '/sync/push', pushResponseSchema, { method: 'POST', token, body: { formatVersion, mutations } });
}

/**
 * `wait`: a long poll, answered when a change arrives (or after about 25 s); `signal` cancels it.
 * `limit`: changes a page holds at most (1,000; the server takes up to 5,000).
 */
export function pull(
  serverUrl: string,
  token: string,
  cursor: string,
  options: { wait?: boolean; signal?: AbortSignal; limit?: number } = {},
): Promise<PullResponse> {
  return callServer(serverUrl, '/sync/pull', pullResponseSchema, {
    method: 'POST',
    token,
    signal: options.signal,
    body: { cursor, limit: options.limit ?? 1_000, formatVersion: SYNC_FORMAT_VERSION, ...(options.wait === true ? { wait: true } : {}) },
  });
}
