import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** One partnership setting's row, or undefined before an administrator first saved it. */
export async function findPartnershipSetting(db: Kysely<Database>, key: string) {
  return db.selectFrom('partnership_settings').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Saves a setting if it is still at `expectedVersion` (0: not saved yet), as version + 1; returns
 * whether it did (false: someone saved it first).
 */
export async function savePartnershipSettingAtVersion(
  db: Kysely<Database>,
  change: { key: string; valueJson: string; expectedVersion: number; at: string; by: string },
): Promise<boolean> {
  const values = { value_json: change.valueJson, updated_at: change.at, updated_by: change.by };
  if (change.expectedVersion === 0) {
    const inserted = await db
      .insertInto('partnership_settings')
      .values({ key: change.key, version: 1, ...values })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const updated = await db
    .updateTable('partnership_settings')
    .set({ ...values, version: change.expectedVersion + 1 })
    .where('key', '=', change.key)
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
