import { z } from 'zod';
import type { Channel } from './channels';
import { adjustmentsContract } from './contracts/adjustments-contract';
import { caseloadContract } from './contracts/caseload-contract';
import { exportsContract } from './contracts/exports-contract';
import { fhirExportsContract } from './contracts/fhir-exports-contract';
import { documentsContract } from './contracts/documents-contract';
import { ALL_ROLES, type Role } from './roles';
import { meetingsContract } from './contracts/meetings-contract';
import { retentionContract } from './contracts/retention-contract';
import { measureScoreSchema } from './scoring/measure-score';
import { securityContract } from './contracts/security-contract';
import { syncContract } from './contracts/sync-contract';
import { acknowledgeRiskFlagInputSchema, amendJoinedUpAssessmentInputSchema, joinedUpAssessmentInputSchema, recordMeasureInputSchema } from './schemas/assessment';
import { amendDisciplineAssessmentInputSchema, saveDisciplineDraftInputSchema } from './schemas/discipline-assessment';
import { signAssessmentInputSchema } from './schemas/signed-record';
import { directoryServiceEntrySchema, saveDirectoryServiceInputSchema } from './schemas/config/directory-services';
import { disciplineEntrySchema, saveDisciplineInputSchema } from './schemas/config/disciplines';
import { partnershipConfigSchema } from './schemas/config/partnership-config';
import { saveTeamMemberInputSchema, teamMemberEntrySchema } from './schemas/config/team-members';
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
} from './schemas/action-plan';
import { auditPageSchema, auditVerificationSchema, searchAuditInputSchema } from './schemas/audit';
import { consentRecordSchema, recordConsentInputSchema, withdrawConsentInputSchema } from './schemas/consent';
import { measureWordingEntrySchema, measureWordingListSchema, resetMeasureWordingInputSchema, saveMeasureWordingInputSchema } from './schemas/measure-wording';
import { participantIdInputSchema, participantRecordSchema } from './schemas/participant-record';
import { duplicateCheckInputSchema, duplicateCheckOutputSchema, registerParticipantInputSchema, registeredParticipantSchema } from './schemas/referral';
import { listParticipantsInputSchema, participantPageSchema } from './schemas/participants';
import {
  appStatusSchema,
  createPartnershipInputSchema,
  emptyInputSchema,
  emptyOutputSchema,
  signedInUserSchema,
  unlockInputSchema,
} from './schemas/session';

/**
 * Who may call a channel: `public` needs no session (first run and unlock); otherwise the
 * signed-in user must hold one of the roles.
 */
export type ChannelAccess = 'public' | readonly Role[];

export interface ChannelDefinition<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly output: Output;
  readonly access: ChannelAccess;
  /** One line for people reading the contract. */
  readonly summary: string;
}

function channel<Input extends z.ZodType, Output extends z.ZodType>(
  definition: ChannelDefinition<Input, Output>,
): ChannelDefinition<Input, Output> {
  return definition;
}

/** Who registers people and records their consent: the coach, and the team's coordinator and administrator. */
const REGISTERING_ROLES: readonly Role[] = ['administrator', 'coordinator', 'coach'];

/** Registered clinicians: they alone may acknowledge a risk flag. */
export const CLINICIAN_ROLES: readonly Role[] = ['physiotherapist', 'mental_health_practitioner', 'occupational_therapist'];

/** Who changes the partnership's configuration (disciplines, team, directory). */
const CONFIG_ROLES: readonly Role[] = ['administrator'];

/** Who drafts, agrees and follows up plans: the team's coordinator, coaches and clinicians. */
export const MDT_ROLES: readonly Role[] = ['coordinator', 'coach', ...CLINICIAN_ROLES];

/**
 * The one contract between the UI and the app. The services layer implements it, Electron IPC
 * and the loopback host both serve it, and the renderer's client is typed from it.
 */
export const contract = {
  'app.status': channel({
    summary: 'Whether the store needs setting up, is locked, or is unlocked and by whom',
    input: emptyInputSchema,
    output: appStatusSchema,
    access: 'public',
  }),
  'setup.createPartnership': channel({
    summary: 'First run: create the partnership, its encrypted store and the first administrator',
    input: createPartnershipInputSchema,
    // The recovery key is returned this once, to be shown and written down.
    output: signedInUserSchema.extend({ recoveryKey: z.string().optional() }),
    access: 'public',
  }),
  'setup.createDemoPartnership': channel({
    summary: 'First run: create a demo partnership filled with synthetic people',
    input: emptyInputSchema,
    output: signedInUserSchema,
    access: 'public',
  }),
  'session.unlock': channel({
    summary: 'Unwrap the data key with a user passphrase and open the store',
    input: unlockInputSchema,
    output: signedInUserSchema,
    access: 'public',
  }),
  'session.lock': channel({
    summary: 'Close the store and forget the data key',
    input: emptyInputSchema,
    output: emptyOutputSchema,
    access: ALL_ROLES,
  }),
  'participants.list': channel({
    summary: 'One page of the caseload',
    input: listParticipantsInputSchema,
    output: participantPageSchema,
    access: ALL_ROLES,
  }),
  'participants.checkDuplicates': channel({
    summary: 'Possible existing records: the same NHS number, or the same name and date of birth',
    input: duplicateCheckInputSchema,
    output: duplicateCheckOutputSchema,
    access: REGISTERING_ROLES,
  }),
  'participants.register': channel({
    summary: 'Register a person and their referral',
    input: registerParticipantInputSchema,
    output: registeredParticipantSchema,
    access: REGISTERING_ROLES,
  }),
  'participants.get': channel({
    summary: 'One person: details, employment, referrals and consent',
    input: participantIdInputSchema,
    output: participantRecordSchema,
    access: ALL_ROLES,
  }),
  'consents.record': channel({
    summary: 'Record a consent decision (given or declined) for one purpose',
    input: recordConsentInputSchema,
    output: consentRecordSchema,
    access: REGISTERING_ROLES,
  }),
  'consents.withdraw': channel({
    summary: 'Record the withdrawal of a consent that is in force',
    input: withdrawConsentInputSchema,
    output: consentRecordSchema,
    access: REGISTERING_ROLES,
  }),
  'assessments.saveJoinedUp': channel({
    summary: "The coach's joined-up work and health assessment; makes the person ready for MDT triage",
    input: joinedUpAssessmentInputSchema,
    output: z.object({ id: z.string() }),
    access: ['coach', 'coordinator'],
  }),
  'assessments.amendJoinedUp': channel({
    summary: 'Correct a signed joined-up assessment: a new signed version that keeps the original, with the reason',
    input: amendJoinedUpAssessmentInputSchema,
    output: z.object({ id: z.string() }),
    access: ['coach', 'coordinator'],
  }),
  'assessments.saveDisciplineDraft': channel({
    summary: "Start or save a clinician's draft assessment for their discipline (physiotherapy, mental health or OT)",
    input: saveDisciplineDraftInputSchema,
    output: z.object({ id: z.string(), version: z.number().int().positive() }),
    access: CLINICIAN_ROLES,
  }),
  'assessments.sign': channel({
    summary: 'The author signs their draft discipline assessment; it is locked from then on',
    input: signAssessmentInputSchema,
    output: emptyOutputSchema,
    access: CLINICIAN_ROLES,
  }),
  'assessments.amendDiscipline': channel({
    summary: 'Correct a signed discipline assessment: a new signed version that keeps the original, with the reason',
    input: amendDisciplineAssessmentInputSchema,
    output: z.object({ id: z.string() }),
    access: CLINICIAN_ROLES,
  }),
  'measures.record': channel({
    summary: 'Score and store a completed outcome measure; PHQ-9 item 9 above 0 raises a risk flag',
    input: recordMeasureInputSchema,
    output: z.object({ id: z.string(), score: measureScoreSchema }),
    access: ['coach', ...CLINICIAN_ROLES],
  }),
  'riskFlags.acknowledge': channel({
    summary: 'A clinician records that a risk flag was reviewed and what was done',
    input: acknowledgeRiskFlagInputSchema,
    output: emptyOutputSchema,
    access: CLINICIAN_ROLES,
  }),
  'config.get': channel({
    summary: "The partnership's disciplines, team members and directory of onward services, inactive ones included",
    input: emptyInputSchema,
    output: partnershipConfigSchema,
    access: ALL_ROLES,
  }),
  'config.saveDiscipline': channel({
    summary: 'Add a local discipline, or rename, deactivate or reactivate one (built-ins: activation only)',
    input: saveDisciplineInputSchema,
    output: disciplineEntrySchema,
    access: CONFIG_ROLES,
  }),
  'config.saveTeamMember': channel({
    summary: 'Add a team member or change one (deactivate when they leave; never deleted)',
    input: saveTeamMemberInputSchema,
    output: teamMemberEntrySchema,
    access: CONFIG_ROLES,
  }),
  'config.saveService': channel({
    summary: 'Add an onward service to the local directory or change one (deactivate, never deleted)',
    input: saveDirectoryServiceInputSchema,
    output: directoryServiceEntrySchema,
    access: CONFIG_ROLES,
  }),
  'plans.get': channel({
    summary: "Every version of a person's action plan, its progress, reviews and exit",
    input: participantPlansInputSchema,
    output: participantPlansSchema,
    access: ALL_ROLES,
  }),
  'plans.saveDraft': channel({
    summary: "Start or save the draft of a person's action plan (a new version when the last one is agreed)",
    input: savePlanDraftInputSchema,
    output: z.object({ planId: z.string(), revision: z.number().int().positive(), versionNumber: z.number().int().positive() }),
    access: MDT_ROLES,
  }),
  'plans.agreeByMdt': channel({
    summary: 'The MDT agrees a draft: attendees recorded, a second member checks; the version is locked',
    input: agreePlanByMdtInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
  }),
  'plans.agreeWithPerson': channel({
    summary: 'Record when and how the person agreed their plan',
    input: agreePlanWithPersonInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
  }),
  'plans.activate': channel({
    summary: 'Support starts: the agreed plan becomes active',
    input: planIdInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
  }),
  'plans.updateActionStatus': channel({
    summary: 'Progress on one action between meetings',
    input: updateActionStatusInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
  }),
  'plans.review': channel({
    summary: 'Review the plan in force: continue to a next review, change the plan, or end support with the employment outcome',
    input: reviewPlanInputSchema,
    output: emptyOutputSchema,
    access: MDT_ROLES,
  }),
  'plans.dueForReview': channel({
    summary: 'People whose plan review is overdue or due in the coming week',
    input: emptyInputSchema,
    output: dueForReviewSchema,
    access: ALL_ROLES,
  }),
  'audit.search': channel({
    summary: 'Search the audit trail: who viewed, changed, signed or exported what, and when',
    input: searchAuditInputSchema,
    output: auditPageSchema,
    access: ['administrator'],
  }),
  'audit.verify': channel({
    summary: 'Recompute the audit hash chain and report the first altered, removed or reordered entry',
    input: emptyInputSchema,
    output: auditVerificationSchema,
    access: ['administrator'],
  }),
  'measureWording.list': channel({
    summary: 'The wording each outcome measure form uses, and whether it is configured or shipped',
    input: emptyInputSchema,
    output: measureWordingListSchema,
    access: ALL_ROLES,
  }),
  'measureWording.save': channel({
    summary: "Set a measure's wording (licensed WSAS / MSK-HQ text, or a local version of the others)",
    input: saveMeasureWordingInputSchema,
    output: measureWordingEntrySchema,
    access: ['administrator'],
  }),
  'measureWording.reset': channel({
    summary: "Put a measure's wording back to the shipped default or placeholders",
    input: resetMeasureWordingInputSchema,
    output: measureWordingEntrySchema,
    access: ['administrator'],
  }),
  ...adjustmentsContract,
  ...caseloadContract,
  ...meetingsContract,
  ...retentionContract,
  ...securityContract,
  ...exportsContract,
  ...fhirExportsContract,
  ...documentsContract,
  ...syncContract,
} as const satisfies Record<Channel, ChannelDefinition>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
