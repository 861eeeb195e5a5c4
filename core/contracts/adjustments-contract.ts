import { z } from 'zod';
import type { ChannelDefinition } from './channel-definition';
import type { Role } from '../roles';
import { saveAhpReportInputSchema, signAhpReportInputSchema } from '../schemas/ahp-report';
import { approveEmployerLetterInputSchema, employerLetterApprovalSchema } from '../schemas/employer-letter-approval';
import { employerViewSchema } from '../schemas/employer-view';
import {
  participantAdjustmentsInputSchema,
  participantAdjustmentsSchema,
  saveAdjustmentsInputSchema,
} from '../schemas/workplace-adjustments';

/** Who drafts adjustments and AHP Health and Work Reports: the HCPC-registered therapists. */
export const ADJUSTMENT_AUTHOR_ROLES: readonly Role[] = ['occupational_therapist', 'physiotherapist'];

/** Who reads a person's adjustments and the employer view: the MDT (coordinator, coach, clinicians). */
const ADJUSTMENT_READER_ROLES: readonly Role[] = [
  'coordinator',
  'coach',
  'physiotherapist',
  'mental_health_practitioner',
  'occupational_therapist',
];

/**
 * Who records the person's approval of their employer letter: whoever goes through it with them
 * (the coach, the coordinator) and the therapists who write it.
 */
const LETTER_APPROVAL_RECORDERS: readonly Role[] = ['coordinator', 'coach', 'occupational_therapist', 'physiotherapist'];

/**
 * The workplace adjustments channels, spread into the contract.
 */
export const adjustmentsContract = {
  'adjustments.get': {
    summary: "A person's workplace adjustments, graded return schedule and AHP Health and Work Reports",
    input: participantAdjustmentsInputSchema,
    output: participantAdjustmentsSchema,
    access: ADJUSTMENT_READER_ROLES,
    audit: { action: 'view', person: { input: 'participantId' } },
  },
  'adjustments.save': {
    summary: "Save the OT's or physio's workplace adjustments and graded return schedule, attached to the person's current plan",
    input: saveAdjustmentsInputSchema,
    output: z.object({ version: z.number().int().positive(), planId: z.string() }),
    access: ADJUSTMENT_AUTHOR_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  'adjustments.saveAhpReport': {
    summary: 'Start or save a draft AHP Health and Work Report',
    input: saveAhpReportInputSchema,
    output: z.object({ id: z.string(), version: z.number().int().positive() }),
    access: ADJUSTMENT_AUTHOR_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  'adjustments.signAhpReport': {
    summary: 'A registered OT or physiotherapist signs an AHP Health and Work Report; it is locked from then on',
    input: signAhpReportInputSchema,
    output: z.object({}),
    access: ADJUSTMENT_AUTHOR_ROLES,
    audit: { action: 'sign', person: { input: 'participantId' } },
  },
  'adjustments.employerView': {
    summary:
      'Exactly what the employer would receive (allow-listed fields only); refused unless consent to share with the employer is in force',
    input: participantAdjustmentsInputSchema,
    output: employerViewSchema,
    access: ADJUSTMENT_READER_ROLES,
    audit: { action: 'view', person: { input: 'participantId' } },
  },
  'adjustments.approveEmployerLetter': {
    summary:
      'Record that the person approved their employer letter as it reads now (how, by whom, when); until then it is only a draft, and a later change lapses it',
    input: approveEmployerLetterInputSchema,
    output: employerLetterApprovalSchema,
    access: LETTER_APPROVAL_RECORDERS,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
