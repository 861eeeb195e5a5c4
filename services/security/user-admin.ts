import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error';
import { roleSchema } from '../../core/roles';
import type { UserEntry } from '../../core/schemas/security';
import type { ParsedInput } from '../../core/contract';
import { createKeySlot, readKeyring, type KeySlot, type Keyring } from '../../db/keyring';
import {
  anchorKeysFor,
  assignmentIsValid,
  highestRoleVersion,
  signRoleAssignment,
  trustedAdministratorKeys,
} from '../../db/role-assignment';
import { findTeamMember, linkTeamMemberToUser } from '../../db/repositories/team-member-repository';
import {
  countEnabledAdministrators,
  disableUser,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsersWithTeamMember,
  setUserRole,
} from '../../db/repositories/user-repository';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import { auditedTransaction } from '../call-audit-scope';
import type { OpenSession } from '../session-holder';
import { updateKeyring } from './keyring-update';

/** Every account with its linked team member, active first, by name. */
export async function listUsers(store: Store): Promise<UserEntry[]> {
  return usersIn(store.db);
}

async function usersIn(db: Kysely<Database>): Promise<UserEntry[]> {
  const rows = await listUsersWithTeamMember(db);
  // One row per account even if two team members were linked to it.
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.id) && seen.add(row.id) !== undefined)
    .map((row) => ({
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      role: roleSchema.parse(row.role),
      createdAt: row.created_at,
      revokedAt: row.disabled_at,
      teamMemberName: row.full_name,
    }));
}

/**
 * Adds an account: the user row, its link to a team member and the call's audit entry in one
 * transaction, with the key slot sealing the data key under their first passphrase written to the
 * keyring just before that transaction commits. If the keyring cannot be written the transaction
 * rolls back (no account, no audit entry); if the commit fails after the slot was written, the slot
 * is taken out again. So an account never exists without a way in, nor a slot without an account.
 */
export async function addUser(paths: StorePaths, open: OpenSession, input: ParsedInput<'users.add'>, now: Date): Promise<UserEntry> {
  const { store } = open;
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  const taken = await findUserByUsername(store.db, input.username);
  if (taken !== undefined || keyring.slots.some((slot) => slot.username === input.username)) {
    throw new AppError('CONFLICT', 'That username is already used.', {
      username: 'That username is already used (perhaps by a revoked account). Choose another.',
    });
  }
  const teamMemberId = input.teamMemberId ?? null;
  if (teamMemberId !== null) {
    const member = await findTeamMember(store.db, teamMemberId);
    if (member === undefined)
      throw new AppError('VALIDATION', 'Some answers need correcting.', { teamMemberId: 'Choose a team member from the list' });
    if (member.user_id !== null)
      throw new AppError('CONFLICT', 'That team member already has an account.', {
        teamMemberId: 'That team member already has an account',
      });
  }
  const userId = randomUUID();
  const at = now.toISOString();
  const signing = roleSigner(keyring, open);
  const unsignedSlot = await createKeySlot({
    storeId: keyring.storeId,
    userId,
    username: input.username,
    passphrase: input.passphrase,
    dataKey: open.dataKey,
    // The new user trusts the administrators this administrator trusts: bound in with their passphrase.
    ...(signing === undefined ? {} : { trust: { administrators: signing.anchor } }),
  });
  const slot: KeySlot =
    signing === undefined
      ? unsignedSlot
      : { ...unsignedSlot, role: signRoleAssignment(keyring.storeId, signing.signer, unsignedSlot, input.role, 1) };
  let slotWritten = false;
  try {
    return await auditedTransaction(store, async (trx) => {
      await insertUser(trx, {
        id: userId,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        created_at: at,
        disabled_at: null,
      });
      if (teamMemberId !== null) await linkTeamMemberToUser(trx, { teamMemberId, userId, by: open.user.userId, at });
      const added = (await usersIn(trx)).find((user) => user.userId === userId);
      if (added === undefined) throw new AppError('INTERNAL', 'The new account could not be read back.');
      await updateKeyring(paths, (current) => ({ ...current, slots: [...current.slots, slot] }));
      slotWritten = true;
      return added;
    });
  } catch (error) {
    if (slotWritten)
      await updateKeyring(paths, (current) => ({ ...current, slots: current.slots.filter((each) => each.userId !== userId) }));
    throw error;
  }
}

/**
 * Revokes an account: its key slot is removed first (from then on its passphrase unwraps nothing),
 * then the account is marked revoked. Refuses to revoke yourself or the last administrator.
 * A revoked user who copied the data key earlier is shut out only by a data-key rotation.
 */
export async function revokeUser(paths: StorePaths, open: OpenSession, userId: string, now: Date): Promise<void> {
  const { store } = open;
  if (userId === open.user.userId) throw new AppError('CONFLICT', 'You cannot revoke your own account. Ask another administrator.');
  const row = await findUserById(store.db, userId);
  if (row === undefined) throw new AppError('NOT_FOUND', 'That account does not exist.');
  if (row.disabled_at !== null) throw new AppError('CONFLICT', 'That account is already revoked.');
  if (row.role === 'administrator') {
    if ((await countEnabledAdministrators(store.db)) <= 1)
      throw new AppError('CONFLICT', 'This is the last administrator. Add another administrator first.');
  }
  await updateKeyring(paths, (keyring) => {
    const slots = keyring.slots.filter((slot) => slot.userId !== userId);
    if (slots.length === 0) throw new AppError('CONFLICT', 'The keyring would be left with no way in.');
    const kept = resignRolesSignedBy(keyring, open, userId);
    return retireSigningKeys(
      { ...kept, slots: kept.slots.filter((slot) => slot.userId !== userId) },
      keyring.slots.filter((slot) => slot.userId === userId),
    );
  });
  await auditedTransaction(store, (trx) => disableUser(trx, userId, now.toISOString()));
}

/**
 * Gives an account another role, audited with the call. Refuses your own role (ask another
 * administrator), a revoked account, and taking the role away from the last administrator. On a
 * laptop joined to a partnership server the change reaches the server through its administrator
 * routes (services/sync/user-changes.ts), which check it again against the server's own roles.
 */
export async function changeUserRole(paths: StorePaths, open: OpenSession, input: ParsedInput<'users.changeRole'>): Promise<UserEntry> {
  const { store } = open;
  if (input.userId === open.user.userId) throw new AppError('CONFLICT', 'You cannot change your own role. Ask another administrator.');
  return auditedTransaction(store, async (trx) => {
    const row = await findUserById(trx, input.userId);
    if (row === undefined) throw new AppError('NOT_FOUND', 'That account does not exist.');
    if (row.disabled_at !== null) throw new AppError('CONFLICT', 'That account is revoked: its role cannot change.');
    if (row.role === 'administrator' && input.role !== 'administrator' && (await countEnabledAdministrators(trx)) <= 1)
      throw new AppError('CONFLICT', 'This is the last administrator. Make someone else an administrator first.');
    if (row.role !== input.role) await setUserRole(trx, input.userId, input.role);
    const changed = (await usersIn(trx)).find((user) => user.userId === input.userId);
    if (changed === undefined) throw new AppError('INTERNAL', 'The account could not be read back.');
    // The signed role in the user's slot (when their slot is on this laptop): saving a role signs it,
    // even unchanged, which is how an administrator confirms a role flagged at unlock. Written
    // before the transaction commits; a failed write rolls the change back.
    await updateKeyring(paths, (current) => {
      // An administrator demoted: the roles they signed are signed again by the acting one first.
      const keyring = input.role === 'administrator' ? current : resignRolesSignedBy(current, open, input.userId);
      const signing = roleSigner(keyring, open);
      if (signing === undefined || !keyring.slots.some((slot) => slot.userId === input.userId && slot.publicKey !== undefined))
        return keyring;
      const version = highestRoleVersion(keyring, input.userId) + 1;
      return {
        ...keyring,
        // Remembered beside the slot too, so putting back the earlier assignment shows as rolled back.
        roleVersionsSeen: { ...keyring.roleVersionsSeen, [input.userId]: version },
        // One above any version seen here or learned from the server, so it supersedes them everywhere.
        slots: keyring.slots.map((slot) =>
          slot.userId === input.userId
            ? { ...slot, role: signRoleAssignment(keyring.storeId, signing.signer, slot, input.role, version) }
            : slot,
        ),
      };
    });
    return changed;
  });
}

/**
 * The keyring with every valid role `leavingUserId` signed (other than theirs and the acting one's) signed again by
 * the acting administrator, one version up: an administrator revoked or demoted stops vouching for
 * anyone (their key drops out of the trust chain), and the users they had given roles keep them.
 * Only assignments valid under the acting administrator's trust are re-signed, so a forgery in the
 * leaving administrator's name is never laundered. The new versions reach the server at the next sync.
 */
function resignRolesSignedBy(keyring: Keyring, open: OpenSession, leavingUserId: string): Keyring {
  const signing = roleSigner(keyring, open);
  if (signing === undefined) return keyring;
  const trusted = trustedAdministratorKeys(keyring, open.roleCheck?.anchor.administrators ?? []);
  const seen = { ...keyring.roleVersionsSeen };
  const slots = keyring.slots.map((slot) => {
    // The acting administrator's own role is left as it was signed: an administrator never vouches for
    // themselves, so signing it again would take their own role away (and could leave no administrator).
    if (
      slot.userId === leavingUserId ||
      slot.userId === open.user.userId ||
      slot.role?.signerUserId !== leavingUserId ||
      !assignmentIsValid(keyring.storeId, slot, trusted)
    )
      return slot;
    const version = highestRoleVersion(keyring, slot.userId) + 1;
    seen[slot.userId] = version;
    return { ...slot, role: signRoleAssignment(keyring.storeId, signing.signer, slot, slot.role.role, version) };
  });
  return { ...keyring, slots, roleVersionsSeen: seen };
}

/** The signing administrator and the keys they trust (as bound into their slot), when roles are signed on this store. */
function roleSigner(keyring: Keyring, open: OpenSession) {
  if (open.signingKey === undefined || open.roleCheck === undefined) return undefined;
  const trusted = trustedAdministratorKeys(keyring, open.roleCheck.anchor.administrators);
  return {
    signer: { userId: open.user.userId, key: open.signingKey },
    anchor: [...open.roleCheck.anchor.administrators, ...anchorKeysFor(keyring, trusted)],
  };
}

/** Keeps the signing keys (and signed roles) of slots leaving the keyring: their audit entries stay checkable. */
export function retireSigningKeys(keyring: Keyring, leaving: readonly KeySlot[]): Keyring {
  const former = leaving.flatMap((slot) =>
    slot.signingPublicKey === undefined || slot.publicKey === undefined
      ? []
      : [
          {
            userId: slot.userId,
            username: slot.username,
            publicKey: slot.publicKey,
            signingPublicKey: slot.signingPublicKey,
            ...(slot.role === undefined ? {} : { role: slot.role }),
          },
        ],
  );
  return former.length === 0 ? keyring : { ...keyring, formerSigningKeys: [...(keyring.formerSigningKeys ?? []), ...former] };
}
