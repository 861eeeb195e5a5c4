import { promises as fs, statSync } from 'node:fs';
import { AppError } from '../../core/app-error';
import type { SignedInUser } from '../../core/schemas/session';
import { chainHolds, withAuditHead } from '../../db/audit-head';
import { setAuditSigner } from '../../db/audit-signer';
import { createKeySlot, findSlot, readKeyring, unlockSlot, writeKeyring, type Keyring } from '../../db/keyring';
import type { RoleProblem } from '../../db/role-assignment';
import type { SigningKey } from '../../db/signing-key';
import { findUserById } from '../../db/repositories/user-repository';
import { openStore, type Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import { newestRotationBackup } from '../security/rotation-journal';
import { establishSignedRole, type SignedRole } from '../security/signed-roles';
import { assertStoreSound, damagedStoreError } from '../security/store-damage';

/** Stores up to this size are checked (PRAGMA quick_check) before unlock returns; larger ones after it. See unlockStore. */
export const QUICK_CHECK_AT_UNLOCK_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Stores up to this size are checked in slices right after unlock. Past it (only the national-scale
 * synthetic stores), one slice holds the app for seconds (5.4 s at 250,000 people): they rely on the
 * full integrity_check before every backup until the check has a worker thread of its own.
 */
export const QUICK_CHECK_IN_SLICES_MAX_BYTES = 256 * 1024 * 1024;

const WRONG = () => new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');

/**
 * Unwraps the data key with a user's passphrase, opens the store and loads the user. Returns the
 * data key for the session to hold (it zeroes it on lock); on failure every key buffer is zeroed.
 *
 * Finishes an interrupted data-key rotation: if the store no longer opens with the current
 * keyring's key but does with the pending keyring's, the rekey committed and the pending keyring
 * becomes the keyring; if it opens with the current key, the rekey never happened and the pending
 * keyring is dropped. A legacy key slot is upgraded to the sealed scheme once it has opened.
 */
export async function unlockStore(
  paths: StorePaths,
  username: string,
  passphrase: string,
  options: { quickCheckAtUnlockMaxBytes?: number | undefined } = {},
): Promise<{
  store: Store;
  user: SignedInUser;
  keyring: Keyring;
  dataKey: Buffer;
  checkedAtUnlock: boolean;
  checkAfterUnlock: boolean;
  /** The user's signing key (audit entries, and an administrator's role signatures). */
  signingKey: SigningKey;
  signedRole: SignedRole;
  /** For an administrator: accounts whose role in the store is not the signed one (see signed-roles.ts). */
  roleProblems: readonly RoleProblem[];
  /** The audit entry the keyring recorded as the trail's end (at the last lock), when the store no longer holds it. */
  auditHeadLost: number | undefined;
}> {
  let keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  const pending = await readKeyring(paths.pendingKeyring).catch(() => undefined);
  const slot = findSlot(keyring, username);
  // Same message as a wrong passphrase: the unlock screen must not confirm which usernames exist.
  if (slot === undefined) throw WRONG();
  let { dataKey, signingKey } = await unlockSlot(keyring, slot, passphrase);
  let store: Store;
  try {
    store = await openStore(paths.database, dataKey, { create: false });
    if (pending !== undefined) await fs.rm(paths.pendingKeyring, { force: true });
  } catch (error) {
    dataKey.fill(0);
    const pendingSlot = pending === undefined ? undefined : findSlot(pending, username);
    if (!(error instanceof AppError && error.code === 'WRONG_KEY') || pending === undefined || pendingSlot === undefined)
      throw pointToRotationBackup(paths, error);
    ({ dataKey, signingKey } = await unlockSlot(pending, pendingSlot, passphrase));
    try {
      store = await openStore(paths.database, dataKey, { create: false });
    } catch (retryError) {
      dataKey.fill(0);
      throw pointToRotationBackup(paths, retryError);
    }
    await fs.rename(paths.pendingKeyring, paths.keyring);
    keyring = pending;
  }
  try {
    // quick_check reads every page: at a partnership's size (tens of MB) it costs a fraction of a
    // second, so a damaged store is refused here. Past QUICK_CHECK_AT_UNLOCK_MAX_BYTES it would hold
    // the unlock for seconds: the session checks such a store in slices right after unlock
    // (checkStoreInSlices), and every backup runs the full integrity_check first.
    const size = statSync(paths.database).size;
    const checkedAtUnlock = size <= (options.quickCheckAtUnlockMaxBytes ?? QUICK_CHECK_AT_UNLOCK_MAX_BYTES);
    if (checkedAtUnlock) assertStoreSound(paths, store, 'quick', 'It was not opened.');
    const checkAfterUnlock = !checkedAtUnlock && size <= QUICK_CHECK_IN_SLICES_MAX_BYTES;
    const row = await findUserById(store.db, slot.userId);
    if (row === undefined || row.disabled_at !== null) throw WRONG();
    if (findSlot(keyring, username)?.publicKey === undefined) {
      const upgraded = await createKeySlot({ storeId: keyring.storeId, userId: slot.userId, username, passphrase, dataKey });
      keyring = { ...keyring, slots: keyring.slots.map((each) => (each.userId === slot.userId ? upgraded : each)) };
      await writeKeyring(paths.keyring, keyring);
      ({ signingKey } = await unlockSlot(keyring, upgraded, passphrase));
    }
    if (signingKey === null) throw new AppError('INTERNAL', 'The key slot has no signing key.');
    const ownSlot = findSlot(keyring, username) ?? slot;
    const signedRole = await establishSignedRole({ paths, keyring, slot: ownSlot, passphrase, signingKey, store, storedRole: row.role });
    keyring = signedRole.keyring;
    // From here every audit entry this connection writes is signed by this user; the keyring keeps
    // the trail's head (and, the first time, from which entry signatures are required).
    setAuditSigner(store, { userId: row.id, key: signingKey, keyringFile: paths.keyring });
    if (keyring.auditHead === undefined) await writeKeyring(paths.keyring, (keyring = withAuditHead(keyring, store)));
    const auditHeadLost = chainHolds(store, keyring.auditHead ?? { seq: 0, hash: '' }) ? undefined : keyring.auditHead?.seq;
    const user: SignedInUser = { userId: row.id, username: row.username, displayName: row.display_name, role: signedRole.role };
    return {
      store,
      user,
      keyring,
      dataKey,
      checkedAtUnlock,
      checkAfterUnlock,
      signingKey,
      signedRole,
      roleProblems: signedRole.problems,
      auditHeadLost,
    };
  } catch (error) {
    dataKey.fill(0);
    await store.close();
    throw error;
  }
}

/**
 * A store the keyring's key does not open, in a folder where a key rotation made a backup: the
 * message names that backup, the way back, rather than suggesting another partnership. A store
 * too damaged to open names the newest backup.
 */
function pointToRotationBackup(paths: StorePaths, error: unknown): unknown {
  // A store too damaged to open names the newest backup too.
  if (error instanceof AppError && error.code === 'STORE_DAMAGED') return damagedStoreError(paths, undefined, 'It was not opened.');
  if (!(error instanceof AppError && error.code === 'WRONG_KEY')) return error;
  const backup = newestRotationBackup(paths);
  if (backup === undefined) return error;
  return new AppError(
    'WRONG_KEY',
    `The keyring's key does not open this store. A key rotation made a backup before it started: restore ${backup} (the passphrases of that time open it).`,
  );
}
