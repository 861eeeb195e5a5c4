import { z } from 'zod';
import { amendJoinedUpAssessmentInputSchema, joinedUpAssessmentInputSchema, recordMeasureInputSchema } from '../schemas/assessment';
import { amendDisciplineAssessmentInputSchema, saveDisciplineDraftInputSchema } from '../schemas/discipline-assessment';
import { emptyOutputSchema } from '../schemas/session';
import { signAssessmentInputSchema } from '../schemas/signed-record';
import { measureScoreSchema } from '../scoring/measure-score';
import type { Role } from '../roles';
import type { ChannelDefinition } from './channel-definition';
import { CLINICIAN_ROLES } from './channel-roles';

/** Who writes the joined-up assessment: the coach, and the coordinator. */
const JOINED_UP_ROLES: readonly Role[] = ['coach', 'coordinator'];

/** Who records outcome measures: the coach and the clinicians. */
const MEASURE_ROLES: readonly Role[] = ['coach', ...CLINICIAN_ROLES];

/** Joined-up and discipline assessments, outcome measures and the risk flags they raise. */
export const assessmentsContract = {
  'assessments.saveJoinedUp': {
    summary: "The coach's joined-up work and health assessment; makes the person ready for MDT triage",
    input: joinedUpAssessmentInputSchema,
    output: z.object({ id: z.string() }),
    access: JOINED_UP_ROLES,
    audit: { action: 'sign', person: { input: 'participantId' } },
  },
  'assessments.amendJoinedUp': {
    summary: 'Correct a signed joined-up assessment: a new signed version that keeps the original, with the reason',
    input: amendJoinedUpAssessmentInputSchema,
    output: z.object({ id: z.string() }),
    access: JOINED_UP_ROLES,
    audit: { action: 'sign', person: { input: 'amendsId', record: 'assessment' } },
  },
  'assessments.saveDisciplineDraft': {
    summary: "Start or save a clinician's draft assessment for their discipline (physiotherapy, mental health or OT)",
    input: saveDisciplineDraftInputSchema,
    output: z.object({ id: z.string(), version: z.number().int().positive() }),
    access: CLINICIAN_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  'assessments.sign': {
    summary: 'The author signs their draft discipline assessment; it is locked from then on',
    input: signAssessmentInputSchema,
    output: emptyOutputSchema,
    access: CLINICIAN_ROLES,
    audit: { action: 'sign', person: { input: 'id', record: 'assessment' } },
  },
  'assessments.amendDiscipline': {
    summary: 'Correct a signed discipline assessment: a new signed version that keeps the original, with the reason',
    input: amendDisciplineAssessmentInputSchema,
    output: z.object({ id: z.string() }),
    access: CLINICIAN_ROLES,
    audit: { action: 'sign', person: { input: 'amendsId', record: 'assessment' } },
  },
  'measures.record': {
    summary: 'Score and store a completed outcome measure; PHQ-9 item 9 above 0 raises a risk flag',
    input: recordMeasureInputSchema,
    output: z.object({ id: z.string(), score: measureScoreSchema }),
    access: MEASURE_ROLES,
    audit: { action: 'create', person: { input: 'participantId' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
