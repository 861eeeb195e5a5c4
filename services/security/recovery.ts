import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { formatRecoveryKey, recoveryKeyFromBytes } from '../../core/recovery-key';
import { roleSchema } from '../../core/roles';
import type { SignedInUser } from '../../core/schemas/session';
import { setAuditSigner } from '../../db/audit-signer';
import {
  RECOVERY_SLOT_ID,
  createKeySlot,
  createKeySlotAndSigningKey,
  findSlot,
  readKeyring,
  unwrapDataKey,
  type Keyring,
} from '../../db/keyring';
import { signRoleAssignment } from '../../db/role-assignment';
import type { SigningKey } from '../../db/signing-key';
import { SessionRoleCheck } from './session-role-check';
import { retireSigningKeys } from './user-admin';
import { findUserByUsername } from '../../db/repositories/user-repository';
import { openStore, type Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import { updateKeyring } from './keyring-update';

/** A fresh recovery key (normalised: 32 base32 characters). */
export function newRecoveryKey(): string {
  return recoveryKeyFromBytes(randomBytes(20));
}

/** The recovery slot for `recoveryKey` (normalised), sealing `dataKey`. */
export function createRecoverySlot(keyring: Pick<Keyring, 'storeId'>, recoveryKey: string, dataKey: Buffer) {
  return createKeySlot({
    storeId: keyring.storeId,
    userId: RECOVERY_SLOT_ID,
    username: RECOVERY_SLOT_ID,
    passphrase: recoveryKey,
    dataKey,
  });
}

/** Replaces the recovery slot with one for a new key; returns the key, formatted, to be shown once. */
export async function replaceRecoveryKey(paths: StorePaths, dataKey: Buffer): Promise<string> {
  const recoveryKey = newRecoveryKey();
  await updateKeyring(paths, async (keyring) => ({ ...keyring, recovery: await createRecoverySlot(keyring, recoveryKey, dataKey) }));
  return formatRecoveryKey(recoveryKey);
}

/**
 * Locked, passphrase forgotten: the recovery key unwraps the data key, and an active
 * administrator's slot is replaced with one for `newPassphrase`. Returns the open store for the
 * session. Only administrators can be recovered this way; they then reset anyone else by
 * revoking and re-adding the account.
 */
export async function recoverAdministrator(
  paths: StorePaths,
  input: { recoveryKey: string; username: string; newPassphrase: string },
): Promise<{ store: Store; user: SignedInUser; keyring: Keyring; dataKey: Buffer; signingKey: SigningKey; roleCheck: SessionRoleCheck }> {
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  if (keyring.recovery === undefined)
    throw new AppError('WRONG_PASSPHRASE', 'This partnership has no recovery key. Ask another administrator to reset your account.');
  let dataKey: Buffer;
  try {
    dataKey = await unwrapDataKey(keyring, keyring.recovery, input.recoveryKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
      throw new AppError('WRONG_PASSPHRASE', 'That recovery key is not right.', { recoveryKey: 'That recovery key is not right' });
    }
    throw error;
  }
  let store: Store | undefined;
  try {
    store = await openStore(paths.database, dataKey, { create: false });
    const row = await findUserByUsername(store.db, input.username);
    if (row === undefined || row.disabled_at !== null || row.role !== 'administrator') {
      throw new AppError('VALIDATION', 'Some answers need correcting.', {
        username: "Enter the username of one of this partnership's administrators",
      });
    }
    // A new key pair, so a new signing key: the administrator keeps trusting whom their old slot
    // trusted (as found: the recovery key cannot check it) and signs their own role with the new
    // key. Other users trust that key once another administrator saves this account's role.
    const old = keyring.slots.find((each) => each.userId === row.id);
    const created = await createKeySlotAndSigningKey({
      storeId: keyring.storeId,
      userId: row.id,
      username: row.username,
      passphrase: input.newPassphrase,
      dataKey,
      trust: { administrators: old?.anchor?.administrators ?? [], self: true },
    });
    const signer = { userId: row.id, key: created.signingKey };
    const slot = {
      ...created.slot,
      role: signRoleAssignment(keyring.storeId, signer, created.slot, 'administrator', (old?.role?.version ?? 0) + 1),
    };
    const next = await updateKeyring(paths, (current) =>
      retireSigningKeys(
        { ...current, slots: [...current.slots.filter((each) => each.userId !== row.id), slot] },
        current.slots.filter((each) => each.userId === row.id),
      ),
    );
    setAuditSigner(store, { ...signer, keyringFile: paths.keyring });
    const anchor = findSlot(next, row.username)?.anchor ?? { administrators: [] };
    return {
      store,
      user: { userId: row.id, username: row.username, displayName: row.display_name, role: roleSchema.parse(row.role) },
      keyring: next,
      dataKey,
      signingKey: created.signingKey,
      roleCheck: new SessionRoleCheck(paths.keyring, row.id, 'administrator', anchor),
    };
  } catch (error) {
    dataKey.fill(0);
    await store?.close();
    throw error;
  }
}
