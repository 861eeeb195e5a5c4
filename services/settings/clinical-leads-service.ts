import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { CLINICAL_LEAD_ROLES } from '../../core/risk/risk-qualification';
import type { Role } from '../../core/roles';
import type { ClinicalLeads } from '../../core/schemas/risk-flag';
import { findPartnershipSetting } from '../../db/repositories/partnership-settings-repository';
import { findUserByUsername } from '../../db/repositories/user-repository';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { saveSettingAtVersion } from './save-setting';

const CLINICAL_LEADS_KEY = 'clinical_leads';

/** The clinical leads named in settings (none until an administrator names some). */
export async function readClinicalLeads(db: Kysely<Database>): Promise<ClinicalLeads> {
  const row = await findPartnershipSetting(db, CLINICAL_LEADS_KEY);
  if (row === undefined) return { usernames: [], version: 0 };
  return { usernames: JSON.parse(row.value_json) as string[], version: row.version };
}

/**
 * Names the clinical leads. Each must be an enabled clinician's account (physiotherapist, mental
 * health practitioner or occupational therapist), so the roles that may ever acknowledge a risk
 * flag stay the contract's clinicians. Saved only over the version the administrator edited.
 */
export async function saveClinicalLeads(
  store: Store,
  input: ParsedInput<'config.saveClinicalLeads'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveClinicalLeads'>> {
  const usernames = [...new Set(input.usernames)].sort();
  for (const username of usernames) {
    const user = await findUserByUsername(store.db, username);
    if (user === undefined || user.disabled_at !== null)
      throw new AppError('VALIDATION', 'Some answers need correcting.', { usernames: `There is no active account called “${username}”` });
    if (!CLINICAL_LEAD_ROLES.includes(user.role as Role))
      throw new AppError('VALIDATION', 'Some answers need correcting.', {
        usernames: `${user.display_name} is not a clinician: only a physiotherapist, mental health practitioner or occupational therapist can be a clinical lead`,
      });
  }
  await saveSettingAtVersion(store, {
    key: CLINICAL_LEADS_KEY,
    value: usernames,
    expectedVersion: input.version,
    userId,
    now,
    what: 'clinical leads',
  });
  return { usernames, version: input.version + 1 };
}
