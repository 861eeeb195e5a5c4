import type { AuditVerification } from '../../core/schemas/audit';
import { findSlot, unwrapUserPrivateKey } from '../../db/keyring';
import { storePaths } from '../../db/store-paths';
import { readSyncState } from '../../db/sync/sync-state';
import { auditAgainstServer, type AuditServerComparison } from '../sync/audit-sync';
import { verifyAudit } from './audit-service';
import { onlyUsername } from '../session/store-commands';
import { unlockStore } from '../session/unlock-store';

/** The local chain's verification and, on a laptop joined to a server, the comparison with the server's copy. */
export interface StoreAuditVerification extends AuditVerification {
  /** Null for a solo store (no server to compare with). */
  readonly server: AuditServerComparison | null;
}

/**
 * `workwell-mdt audit verify`: unlocks with a user's passphrase and recomputes the chain; on a
 * joined laptop, also asks the server for its copy of this laptop's trail, so entries cut from
 * the end (which leave the local chain intact) are found.
 */
export async function verifyStoreAudit(options: {
  dataDir: string;
  username?: string | undefined;
  passphrase: string;
}): Promise<StoreAuditVerification> {
  const paths = storePaths(options.dataDir);
  const username = options.username ?? (await onlyUsername(paths.keyring));
  const { store, dataKey, keyring, signedRole } = await unlockStore(paths, username, options.passphrase);
  dataKey.fill(0);
  try {
    const local = verifyAudit(store, keyring, signedRole.anchor);
    const state = readSyncState(store);
    const slot = findSlot(keyring, username);
    if (state === undefined) return { ...local, server: null };
    if (slot?.publicKey === undefined)
      return { ...local, server: { compared: false, reason: `${username} has no key pair on this laptop to sign in to the server with.` } };
    const privateKey = await unwrapUserPrivateKey(keyring, slot, options.passphrase);
    try {
      return {
        ...local,
        server: await auditAgainstServer(store, state, { username, privateKey, publicKey: Buffer.from(slot.publicKey, 'base64') }),
      };
    } finally {
      privateKey.fill(0);
    }
  } finally {
    await store.close();
  }
}
