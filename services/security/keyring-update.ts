import { AppError } from '../../core/app-error';
import { readKeyring, writeKeyring, type Keyring } from '../../db/keyring';
import type { StorePaths } from '../../db/store-paths';

/** Reads the keyring, applies `change`, and writes the result atomically. Run it inside the session queue. */
export async function updateKeyring(paths: StorePaths, change: (keyring: Keyring) => Keyring | Promise<Keyring>): Promise<Keyring> {
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  const next = await change(keyring);
  await writeKeyring(paths.keyring, next);
  return next;
}
