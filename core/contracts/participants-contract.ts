import { ALL_ROLES } from '../roles';
import { consentRecordSchema, recordConsentInputSchema, withdrawConsentInputSchema } from '../schemas/consent';
import { participantIdInputSchema, participantViewSchema } from '../schemas/participant-record';
import { listParticipantsInputSchema, participantPageSchema } from '../schemas/participants';
import {
  duplicateCheckInputSchema,
  duplicateCheckOutputSchema,
  registerParticipantInputSchema,
  registeredParticipantSchema,
} from '../schemas/referral';
import type { ChannelDefinition } from './channel-definition';
import { REGISTERING_ROLES } from './channel-roles';

/** Registering people, opening their record, and their consent decisions. */
export const participantsContract = {
  'participants.list': {
    summary: 'One page of the caseload',
    input: listParticipantsInputSchema,
    output: participantPageSchema,
    access: ALL_ROLES,
    audit: { action: 'search' },
  },
  'participants.checkDuplicates': {
    summary: 'Possible existing records: the same NHS number, or the same name and date of birth',
    input: duplicateCheckInputSchema,
    output: duplicateCheckOutputSchema,
    access: REGISTERING_ROLES,
    audit: { action: 'search' },
  },
  'participants.register': {
    summary: 'Register a person and their referral',
    input: registerParticipantInputSchema,
    output: registeredParticipantSchema,
    access: REGISTERING_ROLES,
    audit: { action: 'create', person: { output: 'id' } },
  },
  'participants.get': {
    summary: 'One person: details, employment, referrals and consent; their clinical record for all but administrators',
    input: participantIdInputSchema,
    output: participantViewSchema,
    access: ALL_ROLES,
    audit: { action: 'view', person: { input: 'id' } },
  },
  'consents.record': {
    summary: 'Record a consent decision (given or declined) for one purpose',
    input: recordConsentInputSchema,
    output: consentRecordSchema,
    access: REGISTERING_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  'consents.withdraw': {
    summary: 'Record the withdrawal of a consent that is in force',
    input: withdrawConsentInputSchema,
    output: consentRecordSchema,
    access: REGISTERING_ROLES,
    audit: { action: 'edit', person: { input: 'consentId', record: 'consent' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
