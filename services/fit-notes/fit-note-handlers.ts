import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { recordFitNote } from './fit-note-service';

/** Fit notes: recorded as they read, corrected by a new entry (issue 20 item 2). */
export function fitNoteHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, 'fitNotes.record'> {
  return {
    'fitNotes.record': async (input, context) => recordFitNote(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
