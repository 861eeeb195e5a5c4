import { z } from 'zod';
import { todayInLondon } from '../clock';
import { ADJUSTMENT_CATEGORIES } from '../adjustments/adjustment-library';
import { isoDateSchema, requiredText } from '../text-schemas';

const idSchema = z.string().min(1).max(64);

/** The report's advice: not fit for work, or may be fit with the ticked categories of help. */
export const AHP_FITNESS = ['not_fit', 'may_be_fit'] as const;
export type AhpFitness = (typeof AHP_FITNESS)[number];
export const AHP_FITNESS_LABELS: Readonly<Record<AhpFitness, string>> = {
  not_fit: 'Not fit for work',
  may_be_fit: 'May be fit for work, taking account of this advice',
};

/** The professions that may issue an AHP Health and Work Report here (both HCPC-registered). */
export const AHP_PROFESSIONS = ['occupational_therapist', 'physiotherapist'] as const;
export type AhpProfession = (typeof AHP_PROFESSIONS)[number];
export const AHP_PROFESSION_LABELS: Readonly<Record<AhpProfession, string>> = {
  occupational_therapist: 'Occupational therapist',
  physiotherapist: 'Physiotherapist',
};

/** One row of the report's table: a difficulty at work, what is recommended for it, and the goal. */
export const ahpDifficultySchema = z.strictObject({
  id: idSchema,
  difficulty: requiredText('the difficulty at work', 500),
  recommendation: requiredText('the recommendation', 500),
  goal: requiredText('the goal', 500),
});

/**
 * The content of the Allied Health Professions (AHP) Health and Work Report (RCOT / CSP). A draft
 * may be saved unfinished; `ahpSigningProblems` lists what signing needs.
 */
export const ahpReportContentShape = z.strictObject({
  fitness: z.enum(AHP_FITNESS, { error: 'Choose not fit, or may be fit' }),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  followUpOn: isoDateSchema.nullable().default(null),
  categories: z.array(z.enum(ADJUSTMENT_CATEGORIES)).max(ADJUSTMENT_CATEGORIES.length).default([]),
  difficulties: z.array(ahpDifficultySchema).max(20, 'Up to 20 difficulties can be listed'),
  organisation: requiredText('the organisation', 200),
  assessedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The date assessed must be today or in the past'),
});

function refineReport(report: z.infer<typeof ahpReportContentShape>, context: z.RefinementCtx): void {
  if (report.periodTo < report.periodFrom)
    context.addIssue({ code: 'custom', path: ['periodTo'], message: 'The end of the period must be on or after its start' });
  if (report.followUpOn !== null && report.followUpOn < report.assessedOn)
    context.addIssue({ code: 'custom', path: ['followUpOn'], message: 'The follow-up date must be on or after the date assessed' });
  if (new Set(report.categories).size !== report.categories.length)
    context.addIssue({ code: 'custom', path: ['categories'], message: 'Tick each category once' });
}

export const ahpReportContentSchema = ahpReportContentShape.superRefine(refineReport);
export type AhpReportContent = z.infer<typeof ahpReportContentSchema>;

/** Saves a draft report. Without `reportId` it starts one; with it, `version` is the one the editor started from. */
export const saveAhpReportInputSchema = ahpReportContentShape
  .extend({ participantId: idSchema, reportId: idSchema.optional(), version: z.number().int().positive().optional() })
  .superRefine(refineReport);
export type SaveAhpReportInput = z.input<typeof saveAhpReportInputSchema>;

/** Signing names the version the signer read. */
export const signAhpReportInputSchema = z.strictObject({
  participantId: idSchema,
  reportId: idSchema,
  version: z.number().int().positive(),
});

/** What signing stamps on the report from the signer's team registration. */
export const ahpPractitionerSchema = z.object({
  name: z.string(),
  profession: z.enum(AHP_PROFESSIONS),
  hcpcNumber: z.string(),
});
export type AhpPractitioner = z.infer<typeof ahpPractitionerSchema>;

export const ahpReportSchema = ahpReportContentShape.extend({
  id: z.string(),
  participantId: z.string(),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'signed']),
  authorId: z.string(),
  authorName: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  practitioner: ahpPractitionerSchema.nullable(),
});
export type AhpReport = z.infer<typeof ahpReportSchema>;

/** A problem that stops a draft report being signed, with the field it points at. */
export interface AhpSigningProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * What a report needs before it can be signed: "may be fit" needs at least one category ticked
 * and at least one difficulty with its recommendation and goal; "not fit" ticks no categories.
 */
export function ahpSigningProblems(report: Pick<AhpReportContent, 'fitness' | 'categories' | 'difficulties'>): AhpSigningProblem[] {
  const problems: AhpSigningProblem[] = [];
  if (report.fitness === 'may_be_fit') {
    if (report.categories.length === 0)
      problems.push({ path: 'categories', message: 'Tick at least one category of help: the person may be fit for work with it.' });
    if (report.difficulties.length === 0)
      problems.push({ path: 'difficulties', message: 'List at least one difficulty at work, with a recommendation and goal.' });
  } else if (report.categories.length > 0) {
    problems.push({ path: 'categories', message: 'Untick the categories: they apply only when the person may be fit for work.' });
  }
  return problems;
}
