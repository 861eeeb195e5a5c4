import type { InboxReferral, ReferralSource } from './inbox-referral';

/** A `referral_inbox` row as the store and the partnership server hold it. */
export interface WaitingInboxRow {
  id: string;
  received_at: string;
  source: ReferralSource;
  position: number;
  route: string;
  consent_to_contact: number;
  details_json: string;
  recorded_by: string;
  status: 'waiting';
  version: number;
  decided_at: null;
  decided_by: null;
  decline_reason: null;
  participant_id: null;
}

/**
 * A new referral waiting in the inbox, undecided at version 1: the same row whether a laptop
 * imports it (services/referrals) or the partnership server receives it (server/public-referral-store.ts).
 */
export function waitingInboxRow(job: {
  id: string;
  receivedAt: string;
  source: ReferralSource;
  position: number;
  referral: InboxReferral;
  recordedBy: string;
}): WaitingInboxRow {
  return {
    id: job.id,
    received_at: job.receivedAt,
    source: job.source,
    position: job.position,
    route: job.referral.referral.route,
    consent_to_contact: job.referral.consentToContact ? 1 : 0,
    details_json: JSON.stringify(job.referral),
    recorded_by: job.recordedBy,
    status: 'waiting',
    version: 1,
    decided_at: null,
    decided_by: null,
    decline_reason: null,
    participant_id: null,
  };
}
