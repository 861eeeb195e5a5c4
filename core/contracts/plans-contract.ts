import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import {
  agreePlanByMdtInputSchema,
  agreePlanWithPersonInputSchema,
  dueForReviewSchema,
  participantPlansInputSchema,
  participantPlansSchema,
  planIdInputSchema,
  reviewPlanInputSchema,
  savePlanDraftInputSchema,
  updateActionStatusInputSchema,
} from '../schemas/action-plan';
import { emptyInputSchema, emptyOutputSchema } from '../schemas/session';
import type { ChannelDefinition } from './channel-definition';
import { MDT_ROLES } from './channel-roles';

/** Action plans: drafting, agreeing, following up and reviewing them. */
export const plansContract = {
  'plans.get': {
    summary: "Every version of a person's action plan, its progress, reviews and exit",
    input: participantPlansInputSchema,
    output: participantPlansSchema,
    // Goals, actions and progress are clinical: administrators are not sent them (issue 18, least privilege).
    access: MDT_ROLES,
    audit: { action: 'view', person: { input: 'participantId' } },
  },
  'plans.saveDraft': {
    summary: "Start or save the draft of a person's action plan (a new version when the last one is agreed)",
    input: savePlanDraftInputSchema,
    output: z.object({ planId: z.string(), revision: z.number().int().positive(), versionNumber: z.number().int().positive() }),
    access: MDT_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  'plans.agreeByMdt': {
    summary: 'The MDT agrees a draft: attendees recorded, a second member checks; the version is locked',
    input: agreePlanByMdtInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
    audit: { action: 'sign', person: { input: 'planId', record: 'plan' } },
  },
  'plans.agreeWithPerson': {
    summary: 'Record when and how the person agreed their plan',
    input: agreePlanWithPersonInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
    audit: { action: 'edit', person: { input: 'planId', record: 'plan' } },
  },
  'plans.activate': {
    summary: 'Support starts: the agreed plan becomes active',
    input: planIdInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
    audit: { action: 'edit', person: { input: 'planId', record: 'plan' } },
  },
  'plans.updateActionStatus': {
    summary: 'Progress on one action between meetings',
    input: updateActionStatusInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
    audit: { action: 'edit', person: { input: 'planId', record: 'plan' } },
  },
  'plans.review': {
    summary: 'Review the plan in force: continue to a next review, change the plan, or end support with the employment outcome',
    input: reviewPlanInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
    audit: { action: 'edit', person: { input: 'planId', record: 'plan' } },
  },
  'plans.dueForReview': {
    summary: 'People whose plan review is overdue or due in the coming week',
    input: emptyInputSchema,
    output: dueForReviewSchema,
    access: ALL_ROLES,
    audit: { action: 'search' },
  },
} as const satisfies Record<string, ChannelDefinition>;
