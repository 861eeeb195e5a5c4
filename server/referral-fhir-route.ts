import type { IncomingMessage } from 'node:http';
import type { Kysely } from 'kysely';
import { isAppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import { parseReferralBundle } from '../core/referrals/referral-fhir';
import type { ChangeWaiters } from './change-waiters';
import { bearerToken } from './auth-session';
import { HttpError } from './http-error';
import { isStorableReferral, storeServerReferrals } from './public-referral-store';
import { readBodyBytes } from './read-json-body';
import { referrerTokenPartnership } from './referrer-tokens';
import type { ServerDatabase } from './server-schema';

const FHIR_MEDIA_TYPE = /^application\/(fhir\+)?json\s*(;|$)/i;

/** What a referrer's system hears back: counts and, for each entry refused, its index and reason. Never an id or a stored value. */
export interface ReceivedBundleBody {
  readonly received: number;
  readonly refused: ReadonlyArray<{ readonly entry: number; readonly reason: string }>;
}

/**
 * `POST /referrals/fhir`: a FHIR R4 Bundle of ServiceRequest + Patient (core/referrals/referral-fhir.ts,
 * the same reader as `workwell-mdt import --fhir`) from a referrer's system, with a referrer token
 * (`Authorization: Bearer wwr_...`, made by an administrator: server/referrer-tokens.ts). Each
 * ServiceRequest that passes the inbox's checks lands in the token's partnership's inbox (source
 * 'fhir-post'); one refused is listed with its entry index and reason and takes nothing else with
 * it. 202 when at least one was received; 400 when none was (nothing stored).
 */
export async function receiveReferralBundle(
  request: IncomingMessage,
  context: { db: Kysely<ServerDatabase>; clock: Clock; changes: ChangeWaiters | undefined; maxBytes: number },
): Promise<{ status: number; body: unknown }> {
  const partnershipId = await referrerTokenPartnership(context.db, bearerToken(request.headers));
  if (partnershipId === undefined)
    throw new HttpError(
      401,
      'NOT_SIGNED_IN',
      'Send a referrer token from the partnership (Authorization: Bearer ...). Nothing was stored.',
      {
        headers: { 'WWW-Authenticate': 'Bearer' },
      },
    );
  if (!FHIR_MEDIA_TYPE.test(request.headers['content-type'] ?? ''))
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send a FHIR R4 Bundle as application/fhir+json. Nothing was stored.');
  const bytes = await readBodyBytes(request, context.maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'MALFORMED_JSON', 'The body is not UTF-8 text. Nothing was stored.');
  }
  let parsed: ReturnType<typeof parseReferralBundle>;
  try {
    parsed = parseReferralBundle(text);
  } catch (error) {
    if (isAppError(error)) throw new HttpError(400, 'VALIDATION', error.message.replace('Nothing was imported.', 'Nothing was stored.'));
    throw error;
  }
  // Text PostgreSQL cannot hold is refused here, with its entry, not failed as the server's.
  const refused = parsed.refused.map((each) => ({ entry: each.at, reason: each.reason }));
  const storable = parsed.referrals.filter((each) => {
    if (isStorableReferral(each.referral)) return true;
    refused.push({ entry: each.at, reason: 'it holds characters that cannot be stored (a NUL or a broken character)' });
    return false;
  });
  refused.sort((left, right) => left.entry - right.entry);
  const body: ReceivedBundleBody = { received: storable.length, refused };
  if (storable.length === 0)
    return {
      status: 400,
      body: { error: { code: 'VALIDATION', message: 'No referral in the bundle could be received. Nothing was stored.' }, ...body },
    };
  await storeServerReferrals(context.db, {
    partnershipId,
    source: 'fhir-post',
    referrals: storable,
    receivedAt: context.clock(),
    channel: 'POST /referrals/fhir',
    changes: context.changes,
  });
  return { status: 202, body };
}
