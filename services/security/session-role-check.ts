import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../core/app-error';
import type { Role } from '../../core/roles';
import { parseKeyring, type KeySlot } from '../../db/keyring';
import { assignmentIsValid, assignmentRolledBack, trustedAdministratorKeys } from '../../db/role-assignment';

/**
 * The signed role, checked again on every call (dispatch's role check): the session's user must
 * still hold, in the keyring, a role signed by an administrator their own slot trusted at unlock,
 * and the same role the session acts with. Re-verified only when the keyring file changed (its
 * size and time), so a call costs one `stat`; a role revoked, changed or forged in the keyring
 * while the session is open ends the session's rights at the next call.
 */
export class SessionRoleCheck {
  #stamp = '';

  constructor(
    private readonly keyringFile: string,
    private readonly userId: string,
    private readonly role: Role,
    /** The administrators' keys the user's slot bound, as verified with their passphrase at unlock. */
    readonly anchor: NonNullable<KeySlot['anchor']>,
  ) {}

  /** Throws FORBIDDEN when the keyring no longer gives this user this role under a trusted signature. */
  check(): void {
    let stamp: string;
    try {
      const stat = statSync(this.keyringFile);
      stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    } catch {
      throw refused();
    }
    if (stamp === this.#stamp) return;
    try {
      const keyring = parseKeyring(JSON.parse(readFileSync(this.keyringFile, 'utf8')));
      const slot = keyring.slots.find((each) => each.userId === this.userId);
      const trusted = trustedAdministratorKeys(keyring, this.anchor.administrators);
      if (
        slot === undefined ||
        !assignmentIsValid(keyring.storeId, slot, trusted) ||
        slot.role.role !== this.role ||
        assignmentRolledBack(keyring, slot)
      )
        throw refused();
    } catch {
      throw refused();
    }
    this.#stamp = stamp;
  }
}

const refused = () =>
  new AppError('FORBIDDEN', 'Your role is no longer signed by an administrator you trust. Lock the app and unlock it again.');
