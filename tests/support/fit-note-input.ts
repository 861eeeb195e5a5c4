import type { RecordFitNoteInput } from '../../core/schemas/fit-note';
import { testDate } from './test-clock';

/** A GP's "not fit for work" fit note issued 4 days ago for 4 weeks, for `participantId`; `overrides` change any answer. */
export function gpFitNote(participantId: string, overrides: Partial<RecordFitNoteInput> = {}): RecordFitNoteInput {
  return {
    participantId,
    issuedOn: testDate(-4),
    periodFrom: testDate(-4),
    periodTo: testDate(24),
    fitness: 'not_fit',
    reviewNeeded: true,
    issuerSetting: 'gp_practice',
    issuerProfession: 'doctor',
    fromConversation: false,
    ...overrides,
  };
}
