import { signedInCaller, type Handlers } from '../handlers';
import { listWording, resetWording, saveWording } from './measure-wording-service';
import type { SessionHolder } from '../session-holder';

/** The partnership's wording for outcome measures (licensed WSAS / MSK-HQ text). */
export function measureWordingHandlers(
  session: SessionHolder,
  now: () => Date,
): Pick<Handlers, 'measureWording.list' | 'measureWording.save' | 'measureWording.reset'> {
  return {
    'measureWording.list': async () => listWording(session.require().store),
    'measureWording.save': async (input, context) => saveWording(session.require().store, input, signedInCaller(context).userId, now()),
    'measureWording.reset': async (input) => resetWording(session.require().store, input),
  };
}
