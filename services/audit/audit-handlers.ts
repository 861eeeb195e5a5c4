import { searchAudit, verifyAudit } from './audit-service';
import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';

/** The audit trail, for administrators. */
export function auditHandlers(session: SessionHolder): Pick<Handlers, 'audit.search' | 'audit.verify'> {
  return {
    'audit.search': async (input) => searchAudit(session.require().store, input),
    'audit.verify': async () => verifyAudit(session.require().store),
  };
}
