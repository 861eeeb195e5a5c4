import { z } from 'zod';
import { requiredText, usernameSchema } from '../text-schemas';
import { unlockInputSchema } from './session';

/** What a clinician did about a risk flag: the short list the acknowledgement records. */
export const RISK_ACTIONS = ['safety_plan_agreed', 'crisis_line_given', 'gp_informed_same_day', 'urgent_referral', 'other'] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

export const RISK_ACTION_LABELS: Readonly<Record<RiskAction, string>> = {
  safety_plan_agreed: 'Safety plan agreed',
  crisis_line_given: 'Crisis line given',
  gp_informed_same_day: 'GP informed the same day',
  urgent_referral: 'Urgent referral',
  other: 'Other (say what in the note)',
};

const riskActionSchema = z.enum(RISK_ACTIONS, { error: 'Choose the action taken' });

/** The signed-in clinician acknowledges a flag: the action taken and a note, both required. */
export const acknowledgeRiskFlagInputSchema = z.strictObject({
  flagId: z.string().min(1).max(64),
  action: riskActionSchema,
  note: requiredText('what was done about the risk', 2000),
});

/**
 * In meeting mode a qualified clinician present acknowledges on the projector laptop without
 * signing the chair out: they name themselves and prove it with their own passphrase, which the
 * services check against their key slot and never store or send (core/sync/queued-input.ts).
 */
export const acknowledgeRiskFlagInMeetingInputSchema = acknowledgeRiskFlagInputSchema.extend({
  username: usernameSchema,
  passphrase: unlockInputSchema.shape.passphrase,
});

/** An acknowledged flag as the record's history shows it: who, when, what was done and their note. */
export const acknowledgedRiskFlagSchema = z.object({
  id: z.string(),
  reason: z.string(),
  raisedAt: z.string(),
  raisedOn: z.string(),
  acknowledgedAt: z.string(),
  acknowledgedBy: z.string(),
  /** Null for flags acknowledged before the action was recorded (a free-text note only). */
  action: z.enum(RISK_ACTIONS).nullable(),
  note: z.string(),
});
export type AcknowledgedRiskFlag = z.infer<typeof acknowledgedRiskFlagSchema>;

/** An open flag past its one working day, as the sign-in panel lists it. */
export const overdueRiskFlagSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  raisedAt: z.string(),
  raisedOn: z.string(),
});
export type OverdueRiskFlag = z.infer<typeof overdueRiskFlagSchema>;

export const overdueRiskFlagsOutputSchema = z.object({ flags: z.array(overdueRiskFlagSchema) });

/** The clinical leads named in settings (usernames), with the version an administrator edits. */
export const clinicalLeadsSchema = z.object({
  usernames: z.array(z.string()),
  /** 0 until an administrator first saves the list. */
  version: z.number().int().min(0),
});
export type ClinicalLeads = z.infer<typeof clinicalLeadsSchema>;

export const saveClinicalLeadsInputSchema = z.strictObject({
  usernames: z.array(usernameSchema).max(50, 'Name 50 clinical leads or fewer'),
  /** The version the administrator edited (0 when none was saved yet): a newer one is a conflict. */
  version: z.number().int().min(0),
});
