import { assignCoachInputSchema, closeCaseInputSchema } from '../schemas/case-closure';
import { emptyOutputSchema } from '../schemas/session';
import { addContactInputSchema, contactEntrySchema } from '../schemas/contact-log';
import { editDetailsInputSchema, editDetailsOutputSchema } from '../schemas/participant-details-edit';
import type { ChannelDefinition } from './channel-definition';
import { MDT_ROLES, REGISTERING_ROLES, TRIAGE_ROLES } from './channel-roles';

/**
 * A case after registration (issue 20 item 5): editing the person's details and work, the coach,
 * the contact log and closing the case.
 */
export const caseLifecycleContract = {
  // Whoever may register a person may correct their details: the coach, the coordinator, and the
  // administrator (demographics are theirs to keep right, issue 18 item 5; they read no clinical content).
  'participants.editDetails': {
    summary: 'Edit a person’s details and work after registration, as a new version (the old values stay readable)',
    input: editDetailsInputSchema,
    output: editDetailsOutputSchema,
    access: REGISTERING_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  // Everyone in the team who is in touch with the person logs it: the coach, the coordinator, and the
  // clinicians, who deliver the physiotherapy, talking therapy and OT sessions of the plan (domain.md),
  // and whose missed appointments matter to the MDT as much as the coach's. Not administrators: an
  // outcome is clinical free text, which they do not read (issue 18).
  'contacts.add': {
    summary: 'Add a contact, or an appointment the person did not attend, to their contact log',
    input: addContactInputSchema,
    output: contactEntrySchema,
    access: MDT_ROLES,
    audit: { action: 'create', person: { input: 'participantId' } },
  },
  // Who holds the case is the team's running of its caseload: the coordinator and the coaches (as
  // at triage). Not clinicians, and not administrators, who run accounts, not anyone's care.
  'participants.assignCoach': {
    summary: 'Assign or reassign a person’s coach (or none)',
    input: assignCoachInputSchema,
    output: emptyOutputSchema,
    access: TRIAGE_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  // Closing a case is the coordinator's or the coach's decision, as an exit at plan review is theirs.
  'participants.close': {
    summary: 'Close a case at any stage, with the reason and the date (nothing is deleted)',
    input: closeCaseInputSchema,
    output: emptyOutputSchema,
    access: TRIAGE_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
