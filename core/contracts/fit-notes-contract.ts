import { fitNoteSchema, recordFitNoteInputSchema } from '../schemas/fit-note';
import type { ChannelDefinition } from './channel-definition';
import { FIT_NOTE_ROLES } from './channel-roles';

/** Fit notes (issue 20 item 2): read with the record (`participants.get`), recorded here. */
export const fitNotesContract = {
  'fitNotes.record': {
    summary:
      'Record a fit note as it reads (issued, period, not fit or may be fit with its advice, issuer, fit-note conversation); a correction names the one it replaces',
    input: recordFitNoteInputSchema,
    output: fitNoteSchema,
    access: FIT_NOTE_ROLES,
    audit: { action: 'create', person: { input: 'participantId' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
