import { keyringSlotSchema, userRowSchema } from '../../core/sync/admin-protocol';
import { readKeyring } from '../../db/keyring';
import type { Store } from '../../db/store';
import { readLocalUsers } from '../../db/sync/user-rows';
import { roleSchema } from '../../core/roles';
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
 * - a user whose role differs here from the server's: changed there (users.changeRole), unless the
 *   server changed them after this laptop last pulled (then the pull brings the server's row).
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
      } else if (user.row.disabled_at === null && there.revokedAt === null && there.role !== user.row.role) {
        if (await sendRole(store, serverUrl, token, user.row.id, user.row.role)) sent += 1;
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

/** Sends a role changed here; false when the server refused it as changed elsewhere since this laptop's last pull. */
async function sendRole(store: Pick<Store, 'sqlite'>, serverUrl: string, token: string, userId: string, role: string): Promise<boolean> {
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) return false;
  try {
    await adminClient.changeUserRole(serverUrl, token, userId, { role: parsed.data, seenUpTo: readSyncState(store)?.cursor ?? '0' });
    return true;
  } catch (error) {
    if (error instanceof ServerRefused && error.code === 'CONFLICT') return false;
    throw error;
  }
}

/** A fingerprint of this store's users: when it has not changed since the last send, there is nothing to send. */
export function usersFingerprint(store: Pick<Store, 'sqlite'>): string {
  return JSON.stringify(readLocalUsers(store).map((user) => [user.row.id, user.row.disabled_at, user.row.role]));
}
