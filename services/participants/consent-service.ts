import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { formatCalendarDate } from '../../core/calendar-date';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { consentIsInForce, type ConsentPurpose, type ConsentRecord } from '../../core/schemas/consent';
import { currentConsent, findConsent, insertConsent, markConsentWithdrawn } from '../../db/repositories/consent-repository';
import { removeUndiscussedListings } from '../../db/repositories/meeting-repository';
import type { ConsentTable } from '../../db/schema';
import type { Store } from '../../db/store';
import { auditedTransaction } from '../call-audit-scope';
import { requireParticipant } from './require-participant';

export function toConsentRecord(row: ConsentTable): ConsentRecord {
  return {
    id: row.id,
    purpose: row.purpose as ConsentPurpose,
    decision: row.decision as ConsentRecord['decision'],
    date: row.decided_on,
    method: row.method as ConsentRecord['method'],
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    withdrawnOn: row.withdrawn_on,
    withdrawnBy: row.withdrawn_by,
  };
}

/**
 * Refuses a new step of care (agreeing or starting a plan) for someone who withdrew or declined
 * consent to the WorkWell service: their record is kept, but no new plan may be agreed.
 */
export async function requireServiceNotRefused(store: Store, participantId: string): Promise<void> {
  const row = await currentConsent(store.db, participantId, 'service');
  if (row === undefined || consentIsInForce(toConsentRecord(row))) return;
  throw new AppError(
    'CONFLICT',
    row.withdrawn_on === null
      ? `They declined the WorkWell service on ${formatCalendarDate(row.decided_on)}: no plan can be agreed. Their record is kept.`
      : `They withdrew consent to the WorkWell service on ${formatCalendarDate(row.withdrawn_on)}: no new plan can be agreed. Their record is kept.`,
  );
}

/**
 * The one question every export asks before data leaves the laptop: is there a consent for this
 * purpose that was given and has not been withdrawn? Each sharing purpose is asked on its own:
 * `share_partnership` for the partnership system, `share_dwp` for anything sent to DWP.
 */
export async function mayShare(store: Store, participantId: string, purpose: ConsentPurpose): Promise<boolean> {
  const row = await currentConsent(store.db, participantId, purpose);
  return row !== undefined && consentIsInForce(toConsentRecord(row));
}

/**
 * Records a decision for one purpose. The newest decision is the current one; earlier ones stay
 * as history. A new decision cannot replace consent that is in force: withdraw it first, so a
 * withdrawal always has its own date.
 */
export async function recordConsent(
  store: Store,
  input: ParsedInput<'consents.record'>,
  recordedBy: string,
  now: Date,
): Promise<ChannelOutput<'consents.record'>> {
  await requireParticipant(store, input.participantId);
  const current = await currentConsent(store.db, input.participantId, input.purpose);
  if (current !== undefined && consentIsInForce(toConsentRecord(current))) {
    throw new AppError('CONFLICT', 'Consent for this is already in force. Record a withdrawal first if the person has changed their mind.');
  }
  const row: ConsentTable = {
    id: randomUUID(),
    participant_id: input.participantId,
    purpose: input.purpose,
    decision: input.decision,
    decided_on: input.date,
    method: input.method,
    recorded_by: recordedBy,
    recorded_at: now.toISOString(),
    withdrawn_on: null,
    withdrawn_by: null,
    withdrawn_recorded_at: null,
  };
  await insertConsent(store.db, row);
  return toConsentRecord(row);
}

/** Withdraws a consent that is in force, from the given date. */
export async function withdrawConsent(
  store: Store,
  input: ParsedInput<'consents.withdraw'>,
  withdrawnBy: string,
  now: Date,
): Promise<ChannelOutput<'consents.withdraw'>> {
  const existing = await findConsent(store.db, input.consentId);
  if (existing === undefined) throw new AppError('NOT_FOUND', 'That consent record could not be found.');
  if (input.date < existing.decided_on) {
    throw new AppError('VALIDATION', 'Some answers need correcting.', { date: 'The withdrawal cannot be before consent was given' });
  }
  await auditedTransaction(store, async (trx) => {
    const changed = await markConsentWithdrawn(trx, {
      id: existing.id,
      withdrawnOn: input.date,
      withdrawnBy,
      recordedAt: now.toISOString(),
    });
    if (!changed) throw new AppError('CONFLICT', 'This consent is not in force, so it cannot be withdrawn.');
    // Without consent to the service no meeting may discuss the person: off every agenda still to
    // come, in the same transaction (a case already discussed keeps its notes).
    if (existing.purpose === 'service') await removeUndiscussedListings(trx, existing.participant_id);
  });
  const updated = await findConsent(store.db, existing.id);
  if (updated === undefined) throw new AppError('NOT_FOUND', 'That consent record could not be found.');
  return toConsentRecord(updated);
}
