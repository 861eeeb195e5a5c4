import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { worklistFor } from './worklist-service';

/** The signed-in user's home page. */
export function worklistHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, 'worklist.get'> {
  return {
    'worklist.get': async (_input, context) => worklistFor(session.require().store, signedInCaller(context), now()),
  };
}
