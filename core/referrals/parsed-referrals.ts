import { fieldErrors } from '../field-errors';
import { inboxReferralInputSchema, type InboxReferral } from './inbox-referral';

/** One referral read from a file, with where it was (CSV row number or bundle entry index). */
export interface ReadReferral {
  readonly at: number;
  readonly referral: InboxReferral;
}

/** One refused: where it was and why, in words a coordinator can act on. */
export interface RefusedReferral {
  readonly at: number;
  readonly reason: string;
}

/** What an import file held: the referrals that passed every check and those refused, each with its place. */
export interface ParsedReferrals {
  readonly referrals: ReadReferral[];
  readonly refused: RefusedReferral[];
}

/** Checks one candidate against the inbox schema, adding it to `into` as read or refused. */
export function checkReferral(at: number, candidate: unknown, into: { referrals: ReadReferral[]; refused: RefusedReferral[] }): void {
  const parsed = inboxReferralInputSchema.safeParse(candidate);
  if (parsed.success) {
    into.referrals.push({ at, referral: parsed.data });
    return;
  }
  const reasons = Object.entries(fieldErrors(parsed.error)).map(([field, message]) => `${field}: ${message}`);
  into.refused.push({ at, reason: reasons.join('; ') });
}
