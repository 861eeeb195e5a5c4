import { z } from 'zod';
import type { Role } from '../roles';
import { isoDateSchema, requiredText } from '../text-schemas';
import { todayInLondon } from '../clock';
import { amendmentReasonSchema, signatureFieldsSchema, withEarlierVersions } from './signed-record';

/** The disciplines that write their own assessment, and the role that writes each. */
export const CLINICAL_DISCIPLINES = ['physiotherapy', 'mental_health', 'occupational_therapy'] as const;
export type ClinicalDiscipline = (typeof CLINICAL_DISCIPLINES)[number];

export const CLINICAL_DISCIPLINE_OF_ROLE: Readonly<Partial<Record<Role, ClinicalDiscipline>>> = {
  physiotherapist: 'physiotherapy',
  mental_health_practitioner: 'mental_health',
  occupational_therapist: 'occupational_therapy',
};

export const DISCIPLINE_ASSESSMENT_TITLES: Readonly<Record<ClinicalDiscipline, string>> = {
  physiotherapy: 'Physiotherapy assessment',
  mental_health: 'Mental health assessment',
  occupational_therapy: 'Occupational therapy assessment',
};

/** The clinician's own words: what they found, how it bears on work, what they recommend. */
export const disciplineAssessmentContentSchema = z.strictObject({
  assessedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The assessment date must be today or in the past'),
  findings: requiredText('the findings', 4000),
  workImpact: z.string().trim().max(2000, 'How their health affects their work must be 2000 characters or fewer').default(''),
  recommendations: z.string().trim().max(2000, 'Recommendations must be 2000 characters or fewer').default(''),
});
export type DisciplineAssessmentContent = z.output<typeof disciplineAssessmentContentSchema>;

/**
 * Creates a draft (no `id`) or saves over the caller's own draft (`id` and the `version` they
 * edited). The discipline comes from the caller's role, never from the form.
 */
export const saveDisciplineDraftInputSchema = disciplineAssessmentContentSchema.extend({
  participantId: z.string().min(1).max(64),
  id: z.string().min(1).max(64).optional(),
  version: z.number().int().positive().optional(),
});
export type SaveDisciplineDraftInput = z.input<typeof saveDisciplineDraftInputSchema>;

/** A correction to a signed discipline assessment: the whole corrected text and the reason. */
export const amendDisciplineAssessmentInputSchema = disciplineAssessmentContentSchema.extend({
  amendsId: z.string().min(1).max(64),
  reason: amendmentReasonSchema,
});
export type AmendDisciplineAssessmentInput = z.input<typeof amendDisciplineAssessmentInputSchema>;

export const disciplineAssessmentVersionSchema = signatureFieldsSchema.extend({
  discipline: z.enum(CLINICAL_DISCIPLINES),
  assessedOn: z.string(),
  findings: z.string(),
  workImpact: z.string(),
  recommendations: z.string(),
});
export type DisciplineAssessmentVersion = z.infer<typeof disciplineAssessmentVersionSchema>;

export const disciplineAssessmentSchema = withEarlierVersions(disciplineAssessmentVersionSchema);
export type DisciplineAssessment = z.infer<typeof disciplineAssessmentSchema>;
