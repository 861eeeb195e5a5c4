import { signedRolesResponseSchema } from '../../core/sync/admin-protocol';
import { readKeyring, writeKeyring, type Keyring } from '../../db/keyring';
import { signedOver, trustedAdministratorKeys } from '../../db/role-assignment';
import { callServer } from './sync-client';

/**
 * Brings this laptop's keyring up to date with the roles the partnership server holds, as an
 * administrator signed them (GET /sync/roles, issue 18 item 1): a slot here whose assignment is
 * older than the server's takes the server's, when it is signed over that slot by an administrator
 * the slot's own user trusts (an assignment this laptop cannot check is left alone). The version is
 * remembered (`roleVersionsSeen`) for every user whose newer role was so checked, so an earlier
 * assignment put back here later shows as rolled back (db/role-assignment.ts). Returns how many
 * slots changed.
 */
export async function takeSignedRoles(keyringPath: string, serverUrl: string, token: string): Promise<number> {
  const { roles } = await callServer(serverUrl, '/sync/roles', signedRolesResponseSchema, { method: 'GET', token });
  const keyring = await readKeyring(keyringPath);
  if (keyring === undefined) return 0;
  const next = withServerRoles(keyring, roles);
  if (next.keyring !== keyring) await writeKeyring(keyringPath, next.keyring);
  return next.changed;
}

/** The keyring with the server's signed roles taken in (pure: what takeSignedRoles writes). */
export function withServerRoles(
  keyring: Keyring,
  roles: ReadonlyArray<{ userId: string; assignment: NonNullable<Keyring['slots'][number]['role']> }>,
): { keyring: Keyring; changed: number } {
  const seen = { ...keyring.roleVersionsSeen };
  let changed = 0;
  let seenMoved = false;
  const slots = keyring.slots.map((slot) => {
    const held = roles.find((each) => each.userId === slot.userId)?.assignment;
    if (held === undefined || slot.publicKey === undefined) return slot;
    const trusted = trustedAdministratorKeys(keyring, slot.anchor?.administrators ?? []);
    if (!signedOver(keyring.storeId, slot, held, trusted)) return slot;
    if (held.version > (seen[slot.userId] ?? 0)) {
      seen[slot.userId] = held.version;
      seenMoved = true;
    }
    if (held.version <= (slot.role?.version ?? 0)) return slot;
    changed += 1;
    return { ...slot, role: held };
  });
  if (changed === 0 && !seenMoved) return { keyring, changed };
  return { keyring: { ...keyring, slots, roleVersionsSeen: seen }, changed };
}
