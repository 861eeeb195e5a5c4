import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { followUpsDue, followUpsOf, recordFollowUp } from './follow-up-service';

/** Lasting outcomes: the 3- and 6-month follow-ups after exit, and the list of those due (issue 20 item 6). */
export function followUpHandlers(
  session: SessionHolder,
  now: () => Date,
): Pick<Handlers, 'followUps.record' | 'followUps.ofPerson' | 'followUps.due'> {
  return {
    'followUps.record': async (input, context) => recordFollowUp(session.require().store, input, signedInCaller(context).userId, now()),
    'followUps.ofPerson': async (input) => followUpsOf(session.require().store, input.participantId, now()),
    'followUps.due': async (input, context) =>
      followUpsDue(session.require().store, now(), input.mine ? signedInCaller(context).userId : undefined),
  };
}
