import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import { changeSlotPassphrase } from '../../db/keyring';
import type { StorePaths } from '../../db/store-paths';
import type { OpenSession } from '../session-holder';
import { updateKeyring } from './keyring-update';

/**
 * Changes the signed-in user's passphrase: only their key slot's passphrase layer is re-wrapped
 * (the data key and the store are untouched), after the current passphrase is proved.
 */
export async function changeOwnPassphrase(
  paths: StorePaths,
  open: OpenSession,
  input: ParsedInput<'account.changePassphrase'>,
): Promise<void> {
  const { currentPassphrase, newPassphrase } = input;
  await updateKeyring(paths, async (keyring) => {
    const slot = keyring.slots.find((each) => each.userId === open.user.userId);
    if (slot === undefined) throw new AppError('NOT_FOUND', 'Your key slot was not found. Ask an administrator.');
    let changed;
    try {
      changed = await changeSlotPassphrase(keyring, slot, currentPassphrase, newPassphrase);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
        throw new AppError('WRONG_PASSPHRASE', 'Your current passphrase is not right.', {
          currentPassphrase: 'Your current passphrase is not right',
        });
      }
      throw error;
    }
    return { ...keyring, slots: keyring.slots.map((each) => (each.userId === slot.userId ? changed : each)) };
  });
}
