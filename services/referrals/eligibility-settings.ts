import type { Kysely } from 'kysely';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { eligibilityRulesSchema } from '../../core/referrals/eligibility';
import { findPartnershipSetting } from '../../db/repositories/partnership-settings-repository';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { saveSettingAtVersion } from '../settings/save-setting';

const ELIGIBILITY_KEY = 'eligibility_rules';

/** The partnership's eligibility rules: none set (every rule null, version 0) until an administrator saves some. */
export async function readEligibility(db: Kysely<Database>): Promise<ChannelOutput<'config.eligibility'>> {
  const row = await findPartnershipSetting(db, ELIGIBILITY_KEY);
  if (row === undefined) return { rules: eligibilityRulesSchema.parse({}), version: 0 };
  return { rules: eligibilityRulesSchema.parse(JSON.parse(row.value_json)), version: row.version };
}

/** Saves the eligibility rules over the version the administrator edited (compare-and-set, as other settings). */
export async function saveEligibility(
  store: Store,
  input: ParsedInput<'config.saveEligibility'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveEligibility'>> {
  await saveSettingAtVersion(store, {
    key: ELIGIBILITY_KEY,
    value: input.rules,
    expectedVersion: input.version,
    userId,
    now,
    what: 'eligibility rules',
  });
  return { rules: input.rules, version: input.version + 1 };
}
