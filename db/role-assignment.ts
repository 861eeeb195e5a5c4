import { assignmentMessageFor, roleAssignmentMessage } from '../core/role-assignment-message';
import type { Role } from '../core/roles';
import type { AnchorKey, KeySlot, Keyring, RoleAssignment } from './keyring';
import { signMessage, verifySignature, type SigningKey } from './signing-key';

/**
 * Roles signed by administrators (issue 18, item 1). Every user unwraps the same data key, so the
 * `users` table's `role` is only what a key holder last wrote there. The role the app acts on is the
 * one in the user's keyring slot signed by an administrator's key that the user's own slot trusts
 * (its anchor, bound in by their passphrase) or that such an administrator signed in turn.
 */

/**
 * An administrator's signature giving `slot`'s user `role`; `version` is one more than the assignment
 * it replaces. Only the slot's public parts are signed over, so a user's public slot (Keyring.publicSlots)
 * serves on a laptop that does not hold their slot.
 */
export function signRoleAssignment(
  storeId: string,
  signer: { readonly userId: string; readonly key: SigningKey },
  slot: Pick<KeySlot, 'userId' | 'username' | 'publicKey' | 'signingPublicKey'>,
  role: Role,
  version: number,
): RoleAssignment {
  if (slot.publicKey === undefined) throw new Error('A legacy key slot cannot be given a signed role.');
  const certifiesSigningKey = slot.signingPublicKey !== undefined;
  const message = roleAssignmentMessage({
    storeId,
    userId: slot.userId,
    username: slot.username,
    publicKey: slot.publicKey,
    signingPublicKey: slot.signingPublicKey ?? '',
    role,
    version,
  });
  return {
    role,
    version,
    certifiesSigningKey,
    signerUserId: signer.userId,
    signerPublicKey: signer.key.publicKey.toString('base64'),
    signature: signMessage(signer.key, message).toString('base64'),
  };
}

/** True when `assignment` is signed, over `slot`'s user and keys, by one of `trusted`. */
export function signedOver(
  storeId: string,
  slot: Pick<KeySlot, 'userId' | 'username' | 'publicKey' | 'signingPublicKey'>,
  assignment: RoleAssignment | undefined,
  trusted: ReadonlySet<string>,
): assignment is RoleAssignment {
  if (assignment === undefined || slot.publicKey === undefined || !trusted.has(assignment.signerPublicKey)) return false;
  const message = assignmentMessageFor(storeId, { ...slot, publicKey: slot.publicKey }, assignment);
  if (message === undefined) return false;
  return verifySignature(assignment.signerPublicKey, message, assignment.signature);
}

/**
 * The highest version of `userId`'s signed role this laptop has seen, held or learned from the
 * partnership server: the next assignment is signed one above it, and a slot below it was rolled back.
 */
export function highestRoleVersion(keyring: Keyring, userId: string): number {
  const slot = keyring.slots.find((each) => each.userId === userId);
  const known = keyring.publicSlots?.find((each) => each.userId === userId);
  return Math.max(slot?.role?.version ?? 0, known?.role.version ?? 0, keyring.roleVersionsSeen?.[userId] ?? 0);
}

/** True when the slot holds an assignment older than one the partnership server has handed this laptop. */
export function assignmentRolledBack(keyring: Keyring, slot: KeySlot): boolean {
  return slot.role !== undefined && slot.role.version < (keyring.roleVersionsSeen?.[slot.userId] ?? 0);
}

/** True when the slot's own assignment is signed by one of `trusted`. */
export function assignmentIsValid(
  storeId: string,
  slot: KeySlot,
  trusted: ReadonlySet<string>,
): slot is KeySlot & { role: RoleAssignment } {
  return signedOver(storeId, slot, slot.role, trusted);
}

function allSlots(keyring: Keyring): KeySlot[] {
  return keyring.recovery === undefined ? keyring.slots : [...keyring.slots, keyring.recovery];
}

/**
 * The administrators' keys trusted from `anchor`: the anchor's keys, then (repeatedly) the
 * certified key of every slot or public slot an already trusted key signed as an administrator
 * (unless rolled back: older than the version of that user's role seen here).
 */
export function trustedAdministratorKeys(keyring: Keyring, anchor: readonly AnchorKey[]): Set<string> {
  const trusted = new Set(anchor.map((key) => key.signingPublicKey));
  // Other users' public slots count as held ones do: each is in only by a trusted signature, and
  // not when an earlier assignment was put back (an administrator since demoted stays out).
  const subjects = [...allSlots(keyring), ...(keyring.publicSlots ?? [])].filter(
    (slot) => slot.role === undefined || slot.role.version >= (keyring.roleVersionsSeen?.[slot.userId] ?? 0),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const slot of subjects) {
      if (slot.signingPublicKey === undefined || trusted.has(slot.signingPublicKey)) continue;
      if (slot.role?.role === 'administrator' && slot.role.certifiesSigningKey && signedOver(keyring.storeId, slot, slot.role, trusted)) {
        trusted.add(slot.signingPublicKey);
        grew = true;
      }
    }
  }
  return trusted;
}

/** The trusted keys as anchor entries (with the user each belongs to), to bind into a slot. */
export function anchorKeysFor(keyring: Keyring, trusted: ReadonlySet<string>): AnchorKey[] {
  return allSlots(keyring).flatMap((slot) =>
    slot.signingPublicKey !== undefined && trusted.has(slot.signingPublicKey)
      ? [{ userId: slot.userId, signingPublicKey: slot.signingPublicKey }]
      : [],
  );
}

/**
 * Trust on first use, for a slot made before signed roles: the administrators who signed their own
 * role at the upgrade's first administrator unlock, and whoever those certified as administrators.
 */
export function firstUseAnchor(keyring: Keyring): AnchorKey[] {
  const selfSigned = keyring.slots.flatMap((slot) =>
    slot.role?.role === 'administrator' &&
    slot.signingPublicKey !== undefined &&
    slot.role.signerPublicKey === slot.signingPublicKey &&
    assignmentIsValid(keyring.storeId, slot, new Set([slot.signingPublicKey]))
      ? [{ userId: slot.userId, signingPublicKey: slot.signingPublicKey }]
      : [],
  );
  return anchorKeysFor(keyring, trustedAdministratorKeys(keyring, selfSigned));
}

/** True when some slot holds a signed role: the upgrade's first administrator unlock has happened. */
export function rolesAreSigned(keyring: Keyring): boolean {
  return keyring.slots.some((slot) => slot.role !== undefined);
}

/**
 * The signing keys each user is known by, for checking audit signatures: a slot's or a former
 * slot's key counts when an assignment signed by `trusted` certifies it. `trusted` undefined (a
 * user whose slot trusts nobody yet, before the upgrade completes) takes the slots' keys as found.
 */
export function certifiedSigningKeys(keyring: Keyring, trusted: ReadonlySet<string> | undefined): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (userId: string, key: string) => keys.set(userId, (keys.get(userId) ?? new Set()).add(key));
  for (const slot of allSlots(keyring)) {
    if (slot.signingPublicKey === undefined) continue;
    if (trusted === undefined || (slot.role?.certifiesSigningKey === true && assignmentIsValid(keyring.storeId, slot, trusted)))
      add(slot.userId, slot.signingPublicKey);
  }
  for (const former of keyring.formerSigningKeys ?? []) {
    if (trusted === undefined || (former.role?.certifiesSigningKey === true && signedOver(keyring.storeId, former, former.role, trusted)))
      add(former.userId, former.signingPublicKey);
  }
  return keys;
}

/** What an administrator's unlock reports about one account's role. */
export interface RoleProblem {
  readonly username: string;
  /**
   * `unsigned`: no valid signature from a trusted administrator; `differs`: the store names another
   * role than the signed one; `rolledBack`: a validly signed but older assignment than the partnership
   * server has handed this laptop (an earlier role put back).
   */
  readonly problem: 'unsigned' | 'differs' | 'rolledBack';
  readonly storedRole: string;
  readonly signedRole: Role | null;
}

/** Every active account on this laptop whose role is not signed by a key `trusted` holds, or whose stored role is not the signed one. */
export function roleProblems(
  keyring: Keyring,
  trusted: ReadonlySet<string>,
  users: readonly { id: string; username: string; role: string; disabled_at: string | null }[],
): RoleProblem[] {
  const problems: RoleProblem[] = [];
  for (const user of users) {
    if (user.disabled_at !== null) continue;
    const slot = keyring.slots.find((each) => each.userId === user.id);
    if (slot === undefined) continue; // enrolled on other laptops only: their slots are not here
    const valid = slot.username === user.username && assignmentIsValid(keyring.storeId, slot, trusted);
    if (!valid) problems.push({ username: user.username, problem: 'unsigned', storedRole: user.role, signedRole: null });
    else if (assignmentRolledBack(keyring, slot))
      problems.push({ username: user.username, problem: 'rolledBack', storedRole: user.role, signedRole: slot.role.role });
    else if (slot.role.role !== user.role)
      problems.push({ username: user.username, problem: 'differs', storedRole: user.role, signedRole: slot.role.role });
  }
  return problems;
}
