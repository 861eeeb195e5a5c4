import { z } from 'zod';
import { todayInLondon } from '../clock';
import { isoDateSchema } from '../text-schemas';

/**
 * One consent record per purpose; exports ask "may I share X with Y" from these. Sharing with the
 * partnership system and sharing with DWP are separate decisions (issue 15): a person may agree to
 * one and not the other. Stores made before the split had one decision for both; migration
 * 2026-12-06-022 copied it to `share_dwp`. Letters about the person's plan and the close of their
 * case go to their GP and to whoever referred them only with consent for each (issue 20 item 8):
 * `share_gp` and `share_referrer`, two decisions, since a person may agree to one and not the other
 * (the referrer may be their employer). Nobody has either until it is recorded.
 */
export const CONSENT_PURPOSES = [
  'service',
  'share_employer',
  'share_partnership',
  'share_dwp',
  'evaluation',
  'share_gp',
  'share_referrer',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_PURPOSE_LABELS: Readonly<Record<ConsentPurpose, string>> = {
  service: 'Receive the WorkWell service',
  share_employer: 'Share agreed adjustments with the employer',
  share_partnership: 'Share with the partnership system',
  share_dwp: 'Share with DWP (Department for Work and Pensions)',
  evaluation: 'Take part in the evaluation',
  share_gp: 'Send letters about their plan and its close to their GP',
  share_referrer: 'Send letters about their plan and its close to whoever referred them',
};

export const CONSENT_METHODS = ['verbal', 'written', 'electronic'] as const;
export const CONSENT_METHOD_LABELS: Readonly<Record<(typeof CONSENT_METHODS)[number], string>> = {
  verbal: 'Verbally (in person, by phone or video)',
  written: 'Written, signed form',
  electronic: 'Electronic form',
};

const notFutureDate = (label: string) => isoDateSchema.refine((value) => value <= todayInLondon(), `${label} must be today or in the past`);

export const recordConsentInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  purpose: z.enum(CONSENT_PURPOSES, { error: 'Choose what the consent is for' }),
  decision: z.enum(['given', 'declined'], { error: 'Choose whether consent was given or declined' }),
  date: notFutureDate('The date of the decision'),
  method: z.enum(CONSENT_METHODS, { error: 'Choose how consent was recorded' }),
});
export type RecordConsentInput = z.input<typeof recordConsentInputSchema>;

export const withdrawConsentInputSchema = z.strictObject({
  consentId: z.string().min(1).max(64),
  date: notFutureDate('The date of withdrawal'),
});

export const consentRecordSchema = z.object({
  id: z.string(),
  purpose: z.enum(CONSENT_PURPOSES),
  decision: z.enum(['given', 'declined']),
  date: z.string(),
  method: z.enum(CONSENT_METHODS),
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** Whether a consent record allows sharing today: given, and not withdrawn. */
export function consentIsInForce(record: Pick<ConsentRecord, 'decision' | 'withdrawnOn'>): boolean {
  return record.decision === 'given' && record.withdrawnOn === null;
}
