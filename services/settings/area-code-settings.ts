import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { areaCodeInEffect } from '../../core/icb-areas';
import { AREA_CODE_SETTING_KEY } from '../../core/schemas/area-code';
import { findPartnershipSetting } from '../../db/repositories/partnership-settings-repository';
import { partnershipAreaFacts } from '../../db/repositories/mi-return-repository';
import type { Store } from '../../db/store';
import { saveSettingAtVersion } from './save-setting';

/**
 * The partnership's area code for the MI return: the one an administrator set (null, version 0,
 * until one is saved) and the one the return sends now, which falls back to the pilot area chosen
 * at setup or named by the partnership's name. A synced partnership setting.
 */
export async function readAreaCode(store: Store): Promise<ChannelOutput<'config.areaCode'>> {
  const row = await findPartnershipSetting(store.db, AREA_CODE_SETTING_KEY);
  const facts = partnershipAreaFacts(store);
  return { areaCode: facts.configured, version: row?.version ?? 0, inEffect: areaCodeInEffect(facts) };
}

/** Sets (or, blank, clears) the area code over the version the administrator edited (compare-and-set, as other settings). */
export async function saveAreaCode(
  store: Store,
  input: ParsedInput<'config.saveAreaCode'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveAreaCode'>> {
  await saveSettingAtVersion(store, {
    key: AREA_CODE_SETTING_KEY,
    value: input.areaCode,
    expectedVersion: input.version,
    userId,
    now,
    what: 'area code',
  });
  return readAreaCode(store);
}
