import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { countCaseloadMatches, listCaseloadPage, listCoaches } from './caseload-service';

type CaseloadHandlers = Pick<Handlers, 'participants.list' | 'participants.count' | 'caseload.coaches'>;

/** The caseload: search, filters, sorts and keyset pages; the filtered total; the coach filter's choices. */
export function caseloadHandlers(session: SessionHolder, now: () => Date): CaseloadHandlers {
  return {
    'participants.list': async (input) => listCaseloadPage(session.require().store, input, now()),
    'participants.count': async (input) => countCaseloadMatches(session.require().store, input, now()),
    'caseload.coaches': async () => listCoaches(session.require().store),
  };
}
