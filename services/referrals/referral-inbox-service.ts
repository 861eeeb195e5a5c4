import { randomUUID } from 'node:crypto';
import { NOT_RECORDED_MONITORING } from '../../core/schemas/participant-monitoring';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { evaluateEligibility } from '../../core/referrals/eligibility';
import type { DeclineReason, InboxReferral, ReferralSource } from '../../core/referrals/inbox-referral';
import type { ReadReferral } from '../../core/referrals/parsed-referrals';
import { waitingInboxRow } from '../../core/referrals/waiting-inbox-row';
import { parseReferralBundle } from '../../core/referrals/referral-fhir';
import { parseReferralCsv } from '../../core/referrals/referral-csv';
import { londonDateOf } from '../../core/clock';
import type { InboxEntry } from '../../core/schemas/referral-inbox';
import type { SignedInUser } from '../../core/schemas/session';
import {
  decideInboxReferral,
  findInboxReferral,
  insertInboxReferrals,
  listInboxReferrals,
  type ReferralInboxRow,
} from '../../db/repositories/referral-inbox-repository';
import { findPossibleDuplicates } from '../../db/repositories/participant-repository';
import { insertReferral } from '../../db/repositories/referral-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { auditedTransaction } from '../call-audit-scope';
import { checkDuplicates, registerParticipant } from '../participants/participant-registration';
import { readEligibility } from './eligibility-settings';
import { exitOf, startEpisode } from '../participants/episodes';
import { detailsSnapshotOf } from '../participants/participant-details-columns';
import { checkEditDuplicates } from '../participants/participant-details-edit';
import { returningDetails, type ReturningTyped } from '../participants/returning-details';
import { saveReturningDetails } from '../participants/save-returning-details';

/** The most referrals one inbox list shows: the oldest first, which are the ones to triage. */
const INBOX_PAGE = 500;

/**
 * Imports a CSV or FHIR file into the inbox: every referral that passed its checks is added, in
 * one transaction; those refused come back with their row number or entry index and reason, and
 * take nothing else with them. A file refused whole (wrong header, not a Bundle) adds nothing.
 */
export async function importReferrals(
  store: Store,
  input: ParsedInput<'referrals.import'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'referrals.import'>> {
  const parsed = input.format === 'csv' ? parseReferralCsv(input.text) : parseReferralBundle(input.text);
  await addToInbox(store, parsed.referrals, input.format, userId, now);
  return { imported: parsed.referrals.length, refused: parsed.refused };
}

async function addToInbox(store: Store, referrals: readonly ReadReferral[], source: ReferralSource, userId: string, now: Date) {
  if (referrals.length === 0) return;
  const at = now.toISOString();
  try {
    await auditedTransaction(store, (trx) =>
      insertInboxReferrals(
        trx,
        referrals.map(({ at: position, referral }) =>
          waitingInboxRow({ id: randomUUID(), receivedAt: at, source, position, referral, recordedBy: userId }),
        ),
      ),
    );
  } catch (error) {
    throw toStoreError(error);
  }
}

/** A referral as stored: one received before imports carried the GP practice and monitoring answers has neither key. */
type StoredInboxReferral = Omit<InboxReferral, 'gpPractice' | 'monitoring'> & Partial<Pick<InboxReferral, 'gpPractice' | 'monitoring'>>;

function detailsOf(row: ReferralInboxRow): StoredInboxReferral {
  return JSON.parse(row.details_json) as StoredInboxReferral;
}

/** The inbox: each referral with its eligibility against today's rules (judged on the day it came in) and possible duplicates. */
export async function listInbox(store: Store, input: ParsedInput<'referrals.list'>): Promise<ChannelOutput<'referrals.list'>> {
  const { rules } = await readEligibility(store.db);
  const rows = await listInboxReferrals(store.db, input.status, INBOX_PAGE);
  const referrals: InboxEntry[] = [];
  for (const row of rows) {
    const details = detailsOf(row);
    const { person } = details;
    const duplicates = await checkDuplicates(store, {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      nhsNumber: person.nhsNumber ?? undefined,
    });
    referrals.push({
      id: row.id,
      version: row.version,
      receivedAt: row.received_at,
      source: row.source as InboxEntry['source'],
      route: details.referral.route,
      consentToContact: row.consent_to_contact === 1,
      status: row.status as InboxEntry['status'],
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      nhsNumber: person.nhsNumber,
      postcode: person.postcode,
      employmentStatus: details.employment.status,
      referralDate: details.referral.date,
      referrerName: details.referral.referrerName,
      referrerOrganisation: details.referral.referrerOrganisation,
      reason: details.referral.reason,
      eligibility: evaluateEligibility(details, rules, londonDateOf(new Date(row.received_at))),
      // Once accepted, the person found is the one registered: not a duplicate to show.
      possibleDuplicates: row.status === 'waiting' ? duplicates.matches : [],
      declineReason: row.decline_reason as DeclineReason | null,
      decidedAt: row.decided_at,
      decidedBy: row.decided_by_name,
      participantId: row.participant_id,
    });
  }
  const declined = input.status === 'declined' ? rows.length : (await listInboxReferrals(store.db, 'declined', INBOX_PAGE)).length;
  return { referrals, declinedCount: declined };
}

async function waitingReferral(store: Store, id: string, version: number): Promise<ReferralInboxRow> {
  const row = await findInboxReferral(store.db, id);
  if (row === undefined) throw new AppError('NOT_FOUND', 'That referral is not in the inbox.');
  if (row.status !== 'waiting' || row.version !== version)
    throw new AppError('CONFLICT', 'Someone else decided this referral after you opened it. Open the inbox again to see what they did.');
  return row;
}

function decisionLost(): AppError {
  return new AppError('CONFLICT', 'Someone else decided this referral after you opened it. Open the inbox again to see what they did.');
}

/**
 * Accepts a waiting referral. Either it registers the person through `registerParticipant` (the
 * same duplicate rules as `participants.register`: the same NHS number is refused, the same name
 * and date of birth needs confirmation) and marks the referral accepted in the same transaction;
 * or, given a person the inbox showed as a possible duplicate, it adds the referral to that person
 * rather than registering them twice: to their current episode while their case is open, or as the
 * start of their next episode when it has closed (services/participants/episodes.ts).
 */
export async function acceptReferral(
  store: Store,
  input: ParsedInput<'referrals.accept'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'referrals.accept'>> {
  const row = await waitingReferral(store, input.id, input.version);
  const details = detailsOf(row);
  const decide = async (trx: Parameters<typeof decideInboxReferral>[0], participantId: string) => {
    const decided = await decideInboxReferral(trx, {
      id: row.id,
      expectedVersion: row.version,
      status: 'accepted',
      at: now.toISOString(),
      by: user.userId,
      declineReason: null,
      participantId,
    });
    if (!decided) throw decisionLost();
  };
  if (input.linkToParticipantId !== undefined)
    return linkToExisting(store, {
      row,
      details,
      linkTo: input.linkToParticipantId,
      confirmed: input.confirmedNotDuplicate,
      user,
      now,
      decide,
    });
  const { referrerContact: _contact, ...referral } = details.referral;
  const registered = await registerParticipant(
    store,
    { ...recordDetailsOf(details), referral, confirmedNotDuplicate: input.confirmedNotDuplicate },
    { userId: user.userId, role: user.role },
    now,
    (trx, made) => decide(trx, made.id),
  );
  return { participantId: registered.id, reference: registered.reference, linked: false, newEpisode: null };
}

/**
 * What an inbox referral says about the person, in the record's shape: the GP practice and
 * monitoring answers it carried land on the record; a referral that came in before imports carried
 * them (no such keys in its stored details) has none.
 */
function recordDetailsOf(details: StoredInboxReferral): ReturningTyped {
  const { postcode: _postcode, ...person } = details.person;
  const { workPostcode: _workPostcode, weeksOutOfWork: _weeks, ...employment } = details.employment;
  return { person, employment, monitoring: details.monitoring ?? NOT_RECORDED_MONITORING, gpPractice: details.gpPractice ?? null };
}

async function linkToExisting(
  store: Store,
  job: {
    row: ReferralInboxRow;
    details: StoredInboxReferral;
    linkTo: string;
    confirmed: boolean;
    user: SignedInUser;
    now: Date;
    decide: (trx: Parameters<typeof decideInboxReferral>[0], participantId: string) => Promise<void>;
  },
): Promise<ChannelOutput<'referrals.accept'>> {
  const { person, referral } = job.details;
  const duplicates = await findPossibleDuplicates(store.db, person);
  const existing = duplicates.find((candidate) => candidate.id === job.linkTo);
  // Only a person the inbox showed as a possible duplicate: never an arbitrary record.
  if (existing === undefined)
    throw new AppError('VALIDATION', 'Some answers need correcting.', {
      linkToParticipantId: 'That person is not a possible duplicate of this referral',
    });
  // A person whose case has closed starts a new episode; an open case takes the referral into its current one, as before.
  const exit = await exitOf(store.db, existing);
  // Someone coming back may have a new employer, phone or address: what the referral says replaces
  // the record's as a details version (as registration's new-episode path does); checked first
  // with the registration's duplicate rules, so a clash changes nothing.
  const typed = recordDetailsOf(job.details);
  if (exit !== undefined) await checkEditDuplicates(store, existing, returningDetails(detailsSnapshotOf(existing), typed), job.confirmed);
  let newEpisode: number | null = null;
  try {
    await auditedTransaction(store, async (trx) => {
      if (exit !== undefined) {
        newEpisode = await startEpisode(trx, {
          participantId: existing.id,
          exit,
          referral,
          userId: job.user.userId,
          now: job.now,
          field: 'linkToParticipantId',
        });
        await saveReturningDetails(trx, { participantId: existing.id, typed, savedBy: job.user.userId, now: job.now });
      } else {
        await insertReferral(trx, {
          id: randomUUID(),
          participant_id: existing.id,
          referral_date: referral.date,
          route: referral.route,
          referrer_name: referral.referrerName,
          referrer_organisation: referral.referrerOrganisation,
          reason: referral.reason,
          recorded_by: job.user.userId,
          recorded_at: job.now.toISOString(),
        });
      }
      await job.decide(trx, existing.id);
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return { participantId: existing.id, reference: existing.reference, linked: true, newEpisode };
}

/** Declines a waiting referral with a reason from the list; the row stays, counted for the MI return. */
export async function declineReferral(store: Store, input: ParsedInput<'referrals.decline'>, userId: string, now: Date): Promise<void> {
  const row = await waitingReferral(store, input.id, input.version);
  try {
    await auditedTransaction(store, async (trx) => {
      const decided = await decideInboxReferral(trx, {
        id: row.id,
        expectedVersion: row.version,
        status: 'declined',
        at: now.toISOString(),
        by: userId,
        declineReason: input.reason satisfies DeclineReason,
        participantId: null,
      });
      if (!decided) throw decisionLost();
    });
  } catch (error) {
    throw toStoreError(error);
  }
}
