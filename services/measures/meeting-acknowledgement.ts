import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { NOT_RISK_QUALIFIED_MESSAGE } from '../../core/risk/risk-qualification';
import { roleSchema } from '../../core/roles';
import { findSlot, readKeyring, unwrapDataKey } from '../../db/keyring';
import { findUserByUsername } from '../../db/repositories/user-repository';
import type { Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import type { UnlockBackoff } from '../security/unlock-backoff';
import { acknowledgeRisk, requireRiskQualified, type RiskAcknowledger } from './risk-flag-service';

/**
 * Proves a clinician present in the meeting is who they say: their passphrase must open their own
 * key slot in this data folder's keyring, as it would at unlock. Guarded by the unlock back-off, so
 * guesses here count with guesses at the unlock screen. The data key it yields is zeroed at once.
 */
async function proveClinician(
  paths: StorePaths,
  backoff: UnlockBackoff,
  now: () => Date,
  userId: string,
  username: string,
  passphrase: string,
) {
  const keyring = await readKeyring(paths.keyring);
  const slot = keyring === undefined ? undefined : findSlot(keyring, username);
  const message = `That passphrase is not right for ${username}. Nothing was recorded.`;
  // The form shows field messages only: the field's says it all.
  const wrong = () =>
    new AppError('WRONG_PASSPHRASE', message, { passphrase: `${message} Enter your own passphrase, the one you sign in with.` });
  await backoff.guard(now, async () => {
    if (keyring === undefined || slot === undefined || slot.userId !== userId) throw wrong();
    try {
      (await unwrapDataKey(keyring, slot, passphrase)).fill(0);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') throw wrong();
      throw error;
    }
  });
}

/**
 * Meeting mode: a clinician qualified for risk who is present acknowledges a flag on the chair's
 * session, without signing the chair out. Checked in order, each refusal changing nothing: they
 * are an enabled account qualified for risk (FORBIDDEN), their passphrase is their own
 * (WRONG_PASSPHRASE, counted by the back-off), and the flag is still open. The acknowledgement and
 * the audit entry name them, not the chair.
 */
export async function acknowledgeRiskInMeeting(
  deps: { readonly store: Store; readonly paths: StorePaths; readonly backoff: UnlockBackoff; readonly now: () => Date },
  input: ParsedInput<'riskFlags.acknowledgeInMeeting'>,
): Promise<ChannelOutput<'riskFlags.acknowledgeInMeeting'>> {
  const row = await findUserByUsername(deps.store.db, input.username);
  if (row === undefined || row.disabled_at !== null) throw new AppError('FORBIDDEN', NOT_RISK_QUALIFIED_MESSAGE);
  const clinician: RiskAcknowledger = {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: roleSchema.parse(row.role),
  };
  await requireRiskQualified(deps.store.db, clinician);
  await proveClinician(deps.paths, deps.backoff, deps.now, row.id, row.username, input.passphrase);
  await acknowledgeRisk(deps.store, { flagId: input.flagId, action: input.action, note: input.note }, clinician, deps.now());
  return { acknowledgedBy: clinician.displayName };
}
