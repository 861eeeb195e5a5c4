import { AppError } from '../../core/app-error';
import { savePartnershipSettingAtVersion } from '../../db/repositories/partnership-settings-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { auditedTransaction } from '../call-audit-scope';

/**
 * Saves one partnership setting over the version the administrator edited (compare-and-set, as
 * sync settles it too); someone else's save in between is a CONFLICT naming `what`, and nothing changes.
 */
export async function saveSettingAtVersion(
  store: Store,
  change: { key: string; value: unknown; expectedVersion: number; userId: string; now: Date; what: string },
): Promise<void> {
  try {
    await auditedTransaction(store, async (trx) => {
      const saved = await savePartnershipSettingAtVersion(trx, {
        key: change.key,
        valueJson: JSON.stringify(change.value),
        expectedVersion: change.expectedVersion,
        at: change.now.toISOString(),
        by: change.userId,
      });
      if (!saved)
        throw new AppError(
          'CONFLICT',
          `Someone else saved the ${change.what} after you opened them, so your changes were not saved. Open them again to see theirs.`,
        );
    });
  } catch (error) {
    throw toStoreError(error);
  }
}
