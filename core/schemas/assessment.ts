import { z } from 'zod';
import { todayInLondon } from '../clock';
import { measureResponseSchema } from '../scoring/measure-definitions';
import { isoDateSchema, requiredText } from '../text-schemas';
import { amendmentReasonSchema, signatureFieldsSchema, withEarlierVersions } from './signed-record';

export const MAIN_BARRIERS = ['musculoskeletal', 'mental_health', 'other_physical', 'long_term_condition', 'other'] as const;
export const MAIN_BARRIER_LABELS: Readonly<Record<(typeof MAIN_BARRIERS)[number], string>> = {
  musculoskeletal: 'Musculoskeletal (for example back, neck or joint pain)',
  mental_health: 'Mental health',
  other_physical: 'Other physical health condition',
  long_term_condition: 'Long-term condition (for example diabetes, long COVID)',
  other: 'Something else',
};

export const SOCIAL_BARRIERS = ['debt', 'housing', 'caring', 'transport', 'skills', 'confidence'] as const;
export const SOCIAL_BARRIER_LABELS: Readonly<Record<(typeof SOCIAL_BARRIERS)[number], string>> = {
  debt: 'Debt or money worries',
  housing: 'Housing',
  caring: 'Caring responsibilities',
  transport: 'Transport',
  skills: 'Skills or qualifications',
  confidence: 'Confidence',
};

export const READINESS_LEVELS = ['not_yet', 'thinking', 'ready', 'acting'] as const;
export const READINESS_LABELS: Readonly<Record<(typeof READINESS_LEVELS)[number], string>> = {
  not_yet: 'Not ready to think about work changes yet',
  thinking: 'Thinking about it',
  ready: 'Ready to make changes',
  acting: 'Already making changes',
};

export const DISCIPLINES = ['employment_support', 'physiotherapy', 'mental_health', 'occupational_therapy'] as const;
export type Discipline = (typeof DISCIPLINES)[number];
export const DISCIPLINE_LABELS: Readonly<Record<Discipline, string>> = {
  employment_support: 'Employment support (Work and Health Coach)',
  physiotherapy: 'Physiotherapy',
  mental_health: 'Mental health',
  occupational_therapy: 'Occupational therapy',
};

const notFutureDate = (label: string) => isoDateSchema.refine((value) => value <= todayInLondon(), `${label} must be today or in the past`);

/** The coach's joined-up work and health assessment. Saving it makes the person ready for MDT triage. */
export const joinedUpAssessmentInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  assessedOn: notFutureDate('The assessment date'),
  healthConditions: requiredText('the health conditions', 2000),
  mainBarrier: z.enum(MAIN_BARRIERS, { error: 'Choose the main barrier to work' }),
  socialBarriers: z.array(z.enum(SOCIAL_BARRIERS)).max(SOCIAL_BARRIERS.length).default([]),
  whatMatters: requiredText('what matters to the person, in their words', 2000),
  goals: requiredText('their goals, in their words', 2000),
  readiness: z.enum(READINESS_LEVELS, { error: 'Choose how ready they are' }),
  canDoNow: z.string().trim().max(2000).default(''),
});
export type JoinedUpAssessmentInput = z.input<typeof joinedUpAssessmentInputSchema>;

/** A correction to a signed joined-up assessment: the whole corrected assessment and the reason. */
export const amendJoinedUpAssessmentInputSchema = joinedUpAssessmentInputSchema.omit({ participantId: true }).extend({
  amendsId: z.string().min(1).max(64),
  reason: amendmentReasonSchema,
});
export type AmendJoinedUpAssessmentInput = z.input<typeof amendJoinedUpAssessmentInputSchema>;

export const joinedUpAssessmentVersionSchema = signatureFieldsSchema.extend({
  assessedOn: z.string(),
  healthConditions: z.string(),
  mainBarrier: z.enum(MAIN_BARRIERS),
  socialBarriers: z.array(z.enum(SOCIAL_BARRIERS)),
  whatMatters: z.string(),
  goals: z.string(),
  readiness: z.enum(READINESS_LEVELS),
  canDoNow: z.string(),
});
export type JoinedUpAssessmentVersion = z.infer<typeof joinedUpAssessmentVersionSchema>;

/** The current version of the newest joined-up assessment, with the versions it corrected. */
export const joinedUpAssessmentSchema = withEarlierVersions(joinedUpAssessmentVersionSchema);
export type JoinedUpAssessment = z.infer<typeof joinedUpAssessmentSchema>;

/** One completed outcome measure, by a discipline. Answers are checked against the measure's rules. */
export const recordMeasureInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  discipline: z.enum(DISCIPLINES, { error: 'Choose the discipline' }),
  takenOn: notFutureDate('The date'),
  response: measureResponseSchema,
});
export type RecordMeasureInput = z.input<typeof recordMeasureInputSchema>;

export const measureResultSchema = z.object({
  id: z.string(),
  measure: z.enum(['phq9', 'gad7', 'wsas', 'mskhq', 'work_ability']),
  discipline: z.enum(DISCIPLINES),
  takenOn: z.string(),
  total: z.number().nullable(),
  bandLabel: z.string().nullable(),
  riskFlag: z.boolean(),
  recordedBy: z.string(),
  /** When it was recorded: orders results taken on the same date (charts, trends). */
  recordedAt: z.string().optional(),
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const riskFlagSchema = z.object({
  id: z.string(),
  reason: z.string(),
  raisedAt: z.string(),
  raisedOn: z.string(),
});
export type RiskFlag = z.infer<typeof riskFlagSchema>;
