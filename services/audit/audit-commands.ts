import { AppError, isAppError } from '../../core/app-error';
import { readKeyring } from '../../db/keyring';
import type { AuditVerification } from '../../core/schemas/audit';
import { readSyncState } from '../../db/sync/sync-state';
import { appChannelRule, runAsUser } from '../session/cli-dispatch';
import { onlyUsername } from '../session/store-commands';
import { storePaths } from '../../db/store-paths';
import { auditAgainstServer, type AuditServerComparison } from '../sync/audit-sync';
import { unwrapSyncUserKey } from '../sync/open-sync-store';
import { verifyAudit } from './audit-service';

/** The local chain's verification and, on a laptop joined to a server, the comparison with the server's copy. */
export interface StoreAuditVerification extends AuditVerification {
  /** Null for a solo store (no server to compare with). */
  readonly server: AuditServerComparison | null;
}

/**
 * `workwell-mdt audit verify`: as the named user under the app's `audit.verify` rules
 * (administrators; audited as a view), recomputes the chain; on a joined laptop, also asks the
 * server for its copy of this laptop's trail, so entries cut from the end (which leave the local
 * chain intact) are found.
 */
export async function verifyStoreAudit(options: {
  dataDir: string;
  username?: string | undefined;
  passphrase: string;
  now: () => Date;
}): Promise<StoreAuditVerification> {
  const paths = storePaths(options.dataDir);
  const username = options.username ?? (await onlyUsername(paths.keyring));
  const caller = { dataDir: options.dataDir, username, passphrase: options.passphrase, now: options.now };
  return runAsUser(caller, appChannelRule('audit.verify'), {}, async (_input, session) => {
    const open = session.require();
    const keyring = await readKeyring(paths.keyring);
    if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
    const { store } = open;
    const local = verifyAudit(store, keyring, open.roleCheck?.anchor);
    const state = readSyncState(store);
    if (state === undefined) return { ...local, server: null };
    // The passphrase has opened the store already: refused here only when the slot holds no key pair.
    const key = await unwrapSyncUserKey(options.dataDir, username, options.passphrase).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'WRONG_PASSPHRASE') return undefined;
      throw error;
    });
    if (key === undefined)
      return { ...local, server: { compared: false, reason: `${username} has no key pair on this laptop to sign in to the server with.` } };
    try {
      return { ...local, server: await auditAgainstServer(store, state, { username, ...key.userKey }) };
    } finally {
      key.userKey.privateKey.fill(0);
    }
  });
}
