import { AppError } from '../../core/app-error';
import { roleSchema, type Role } from '../../core/roles';
import { anchorSlot, writeKeyring, type KeySlot, type Keyring } from '../../db/keyring';
import {
  assignmentIsValid,
  assignmentRolledBack,
  firstUseAnchor,
  highestRoleVersion,
  roleProblems,
  rolesAreSigned,
  signRoleAssignment,
  trustedAdministratorKeys,
  type RoleProblem,
} from '../../db/role-assignment';
import { listUsersWithTeamMember } from '../../db/repositories/user-repository';
import type { SigningKey } from '../../db/signing-key';
import type { Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';

/** The role an unlock established, and what it rests on. */
export interface SignedRole {
  readonly keyring: Keyring;
  readonly role: Role;
  /** The administrators' keys this user trusts (from their own slot); undefined on a store not yet upgraded. */
  readonly trusted: ReadonlySet<string> | undefined;
  /** The anchor the unlock verified with the passphrase: what later checks of this session trust. */
  readonly anchor: KeySlot['anchor'];
  /** For an administrator: accounts whose stored role is not signed, or differs from the signed one. */
  readonly problems: readonly RoleProblem[];
}

const replaceSlot = (keyring: Keyring, slot: KeySlot): Keyring => ({
  ...keyring,
  slots: keyring.slots.map((each) => (each.userId === slot.userId ? slot : each)),
});

/**
 * The role a user unlocks with: the one an administrator they trust signed into their slot, not
 * the `users` table's (which any holder of the data key can edit). Also runs the upgrade from
 * unsigned roles: the first administrator to unlock signs every account's current role and trusts
 * their own key; each other user, at their next unlock, binds the administrators' keys then found
 * (trust on first use) into their slot. An administrator's unlock certifies signing keys recorded
 * since, and reports every account whose stored role is not the signed one.
 */
export async function establishSignedRole(options: {
  paths: StorePaths;
  keyring: Keyring;
  slot: KeySlot;
  passphrase: string;
  signingKey: SigningKey;
  store: Store;
  storedRole: string;
}): Promise<SignedRole> {
  const { paths, passphrase, signingKey, store } = options;
  let keyring = options.keyring;
  let slot = options.slot;
  const signer = { userId: slot.userId, key: signingKey };
  const ownKey = signingKey.publicKey.toString('base64');
  const users = await listUsersWithTeamMember(store.db);
  const activeRole = (userId: string) => users.find((user) => user.id === userId && user.disabled_at === null)?.role;
  if (slot.anchor === undefined) {
    if (!rolesAreSigned(keyring) && options.storedRole === 'administrator') {
      // The upgrade's first administrator unlock: sign every account's role as it stands.
      slot = await anchorSlot(keyring, slot, passphrase, [{ userId: slot.userId, signingPublicKey: ownKey }]);
      keyring = replaceSlot(keyring, slot);
      keyring = {
        ...keyring,
        slots: keyring.slots.map((each) => {
          const role = roleSchema.safeParse(activeRole(each.userId));
          return role.success && each.publicKey !== undefined
            ? { ...each, role: signRoleAssignment(keyring.storeId, signer, each, role.data, 1) }
            : each;
        }),
      };
      slot = keyring.slots.find((each) => each.userId === slot.userId) ?? slot;
      await writeKeyring(paths.keyring, keyring);
    } else {
      const anchor = rolesAreSigned(keyring) ? firstUseAnchor(keyring) : [];
      if (anchor.length === 0) {
        // Not upgraded yet (no administrator has unlocked since): the stored role, as before; the
        // signing key is recorded so the administrator's unlock can certify it.
        if (slot.signingPublicKey !== ownKey)
          await writeKeyring(paths.keyring, (keyring = replaceSlot(keyring, { ...slot, signingPublicKey: ownKey })));
        return { keyring, role: roleSchema.parse(options.storedRole), trusted: undefined, anchor: undefined, problems: [] };
      }
      slot = await anchorSlot(keyring, slot, passphrase, anchor);
      await writeKeyring(paths.keyring, (keyring = replaceSlot(keyring, slot)));
    }
  }
  const anchor = slot.anchor?.administrators ?? [];
  const trusted = trustedAdministratorKeys(keyring, anchor);
  if (!assignmentIsValid(keyring.storeId, slot, trusted) || assignmentRolledBack(keyring, slot))
    throw new AppError(
      'FORBIDDEN',
      'Your role on this laptop is not signed by an administrator you trust, so the app cannot open for you. Ask an administrator to set your role again (Settings → Users).',
    );
  const role = slot.role.role;
  if (role !== 'administrator') return { keyring, role, trusted, anchor: slot.anchor, problems: [] };
  // Certify signing keys recorded since their role was signed (accounts from before signed roles).
  let certified = false;
  const slots = keyring.slots.map((each) => {
    if (each.role === undefined || each.role.certifiesSigningKey || each.signingPublicKey === undefined) return each;
    if (!assignmentIsValid(keyring.storeId, each, trusted)) return each;
    certified = true;
    return {
      ...each,
      role: signRoleAssignment(keyring.storeId, signer, each, each.role.role, highestRoleVersion(keyring, each.userId) + 1),
    };
  });
  if (certified) await writeKeyring(paths.keyring, (keyring = { ...keyring, slots }));
  const finalTrust = trustedAdministratorKeys(keyring, anchor);
  return { keyring, role, trusted: finalTrust, anchor: slot.anchor, problems: roleProblems(keyring, finalTrust, users) };
}
