import type { AuditVerification } from '../../core/schemas/audit';
import { storePaths } from '../../db/store-paths';
import { verifyAudit } from './audit-service';
import { onlyUsername } from '../session/store-commands';
import { unlockStore } from '../session/unlock-store';

/** `workwell-mdt audit verify`: unlocks with a user's passphrase and recomputes the chain. */
export async function verifyStoreAudit(options: {
  dataDir: string;
  username?: string | undefined;
  passphrase: string;
}): Promise<AuditVerification> {
  const paths = storePaths(options.dataDir);
  const { store, dataKey } = await unlockStore(paths, options.username ?? (await onlyUsername(paths.keyring)), options.passphrase);
  dataKey.fill(0);
  try {
    return verifyAudit(store);
  } finally {
    await store.close();
  }
}
