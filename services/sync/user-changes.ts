import { keyringSlotSchema, userRowSchema } from '../../core/sync/admin-protocol';
import { readKeyring } from '../../db/keyring';
import type { Store } from '../../db/store';
import { readLocalUsers } from '../../db/sync/user-rows';
import type { RoleAssignment } from '../../core/role-assignment-schema';
import { readSyncState } from '../../db/sync/sync-state';
import { adminClient } from './admin-client';
import { ServerRefused } from './sync-client';

/**
 * Tells the partnership server about users an administrator added or revoked on this laptop
 * (users.add / users.revoke never go through the outbox: core/sync/synced-tables.ts,
 * SENT_BY_ADMIN_ROUTES). Compares this store's users with the server's and sends the difference,
 * so it is safe to repeat and nothing is lost offline: the store itself is what waits.
 * - a user here but not on the server, not revoked, with a key pair in this keyring: added, with
 *   their row, public key and keyring slot (never a passphrase);
 * - a user revoked here but not on the server: revoked there, so their next connection is refused;
 * - a user whose role was signed here (users.changeRole signs it into their slot, or their public
 *   slot on a laptop that does not hold theirs) after the version
 *   the server holds: the signed assignment is sent (issue 18 item 1: never the store's `role`
 *   column, which any holder of the data key can edit), unless the server changed them after this
 *   laptop last pulled (then the pull brings the server's row) or another administrator signed it
 *   here (it goes when they sync).
 * A revocation is never undone this way. Call it signed in as an administrator (the server checks).
 * Returns how many users it sent.
 */
export async function sendUserChanges(
  store: Pick<Store, 'sqlite'>,
  keyringPath: string,
  serverUrl: string,
  token: string,
): Promise<number> {
  const local = readLocalUsers(store);
  const { users } = await adminClient.listUsers(serverUrl, token);
  const onServer = new Map(users.map((user) => [user.userId, user]));
  const keyring = await readKeyring(keyringPath);
  let sent = 0;
  for (const user of local) {
    const there = onServer.get(user.row.id);
    if (there !== undefined) {
      if (user.row.disabled_at !== null && there.revokedAt === null) {
        await adminClient.revokeUser(serverUrl, token, user.row.id);
        sent += 1;
      } else if (user.row.disabled_at === null && there.revokedAt === null) {
        // Signed into their slot, or (a laptop not holding it) into their public slot.
        const signed =
          keyring?.slots.find((each) => each.userId === user.row.id)?.role ??
          keyring?.publicSlots?.find((each) => each.userId === user.row.id)?.role;
        if (signed !== undefined && signed.version > there.roleVersion && (await sendRole(store, serverUrl, token, user.row.id, signed)))
          sent += 1;
      }
      continue;
    }
    if (user.row.disabled_at !== null) continue; // revoked here before the server ever had them
    const row = userRowSchema.safeParse(user.row);
    const slot = keyringSlotSchema.safeParse(keyring?.slots.find((each) => each.userId === user.row.id));
    // No key pair yet (a legacy slot): sent once they have unlocked and have one.
    if (!row.success || !slot.success) continue;
    await adminClient.addUser(serverUrl, token, { row: row.data, slot: slot.data, teamMember: user.teamMember });
    sent += 1;
  }
  return sent;
}

/**
 * Sends a role signed here; false when the server refused it as changed elsewhere since this
 * laptop's last pull, or as not signed by the administrator signed in (another administrator's
 * signature on this laptop goes when they sync).
 */
async function sendRole(
  store: Pick<Store, 'sqlite'>,
  serverUrl: string,
  token: string,
  userId: string,
  assignment: RoleAssignment,
): Promise<boolean> {
  try {
    await adminClient.changeUserRole(serverUrl, token, userId, {
      role: assignment.role,
      seenUpTo: readSyncState(store)?.cursor ?? '0',
      assignment,
    });
    return true;
  } catch (error) {
    if (error instanceof ServerRefused && (error.code === 'CONFLICT' || error.code === 'FORBIDDEN')) return false;
    throw error;
  }
}

/** A fingerprint of this store's users: when it has not changed since the last send, there is nothing to send. */
export function usersFingerprint(store: Pick<Store, 'sqlite'>): string {
  return JSON.stringify(readLocalUsers(store).map((user) => [user.row.id, user.row.disabled_at, user.row.role]));
}
