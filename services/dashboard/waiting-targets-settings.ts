import type { Kysely } from 'kysely';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { DEFAULT_WAITING_TARGETS, waitingTargetsSchema } from '../../core/dashboard/waiting-targets';
import { findPartnershipSetting } from '../../db/repositories/partnership-settings-repository';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { saveSettingAtVersion } from '../settings/save-setting';

const WAITING_TARGETS_KEY = 'waiting_time_targets';

/** The partnership's waiting-time targets: the defaults (version 0) until an administrator saves some. A synced partnership setting. */
export async function readWaitingTargets(db: Kysely<Database>): Promise<ChannelOutput<'config.waitingTargets'>> {
  const row = await findPartnershipSetting(db, WAITING_TARGETS_KEY);
  if (row === undefined) return { targets: DEFAULT_WAITING_TARGETS, version: 0 };
  return { targets: waitingTargetsSchema.parse(JSON.parse(row.value_json)), version: row.version };
}

/** Saves the waiting-time targets over the version the administrator edited (compare-and-set, as other settings). */
export async function saveWaitingTargets(
  store: Store,
  input: ParsedInput<'config.saveWaitingTargets'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveWaitingTargets'>> {
  await saveSettingAtVersion(store, {
    key: WAITING_TARGETS_KEY,
    value: input.targets,
    expectedVersion: input.version,
    userId,
    now,
    what: 'waiting-time targets',
  });
  return { targets: input.targets, version: input.version + 1 };
}
