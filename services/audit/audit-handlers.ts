import { AppError } from '../../core/app-error';
import { readKeyring } from '../../db/keyring';
import type { StorePaths } from '../../db/store-paths';
import { searchAudit, verifyAudit } from './audit-service';
import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';

/** The audit trail, for administrators. */
export function auditHandlers(session: SessionHolder, paths: StorePaths): Pick<Handlers, 'audit.search' | 'audit.verify'> {
  return {
    'audit.search': async (input) => searchAudit(session.require().store, input),
    'audit.verify': async () => {
      const open = session.require();
      const keyring = await readKeyring(paths.keyring);
      if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
      return verifyAudit(open.store, keyring, open.roleCheck?.anchor);
    },
  };
}
