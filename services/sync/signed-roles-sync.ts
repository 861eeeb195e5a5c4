import { signedRolesResponseSchema, type SignedRolesResponse } from '../../core/sync/admin-protocol';
import { readKeyring, writeKeyring, type Keyring, type PublicSlot } from '../../db/keyring';
import { signedOver, trustedAdministratorKeys } from '../../db/role-assignment';
import { callServer } from './sync-client';

/**
 * Brings this laptop's keyring up to date with the roles the partnership server holds, as an
 * administrator signed them (GET /sync/roles, issue 18 item 1): a slot here whose assignment is
 * older than the server's takes the server's, when it is signed over that slot by an administrator
 * the slot's own user trusts (an assignment this laptop cannot check is left alone). The version is
 * remembered (`roleVersionsSeen`) for every user whose newer role was so checked, so an earlier
 * assignment put back here later shows as rolled back (db/role-assignment.ts). Every other current
 * user's slot is kept as far as it is public (`publicSlots`), when its role checks out, so an
 * administrator here can sign their next role. Returns how many held slots changed.
 */
export async function takeSignedRoles(keyringPath: string, serverUrl: string, token: string): Promise<number> {
  const roles = await fetchSignedRoles(serverUrl, token);
  const keyring = await readKeyring(keyringPath);
  if (keyring === undefined) return 0;
  const next = withServerRoles(keyring, roles);
  if (next.keyring !== keyring) await writeKeyring(keyringPath, next.keyring);
  return next.changed;
}

/** Every current user's signed role, with the public parts of the slot it is signed over, as the server holds them. */
export async function fetchSignedRoles(serverUrl: string, token: string): Promise<SignedRolesResponse['roles']> {
  return (await callServer(serverUrl, '/sync/roles', signedRolesResponseSchema, { method: 'GET', token })).roles;
}

/** The keyring with the server's signed roles taken in (pure: what takeSignedRoles writes). */
export function withServerRoles(keyring: Keyring, roles: SignedRolesResponse['roles']): { keyring: Keyring; changed: number } {
  const seen = { ...keyring.roleVersionsSeen };
  let seenMoved = false;
  const see = (userId: string, version: number) => {
    if (version <= (seen[userId] ?? 0)) return;
    seen[userId] = version;
    seenMoved = true;
  };
  const publicSlots = checkedPublicSlots(keyring, roles);
  // Each is the server's checked assignment, or one signed here (already remembered when signed).
  for (const known of publicSlots) see(known.userId, known.role.version);
  const withPublic: Keyring = { ...keyring, publicSlots };
  let changed = 0;
  const slots = keyring.slots.map((slot) => {
    const held = roles.find((each) => each.userId === slot.userId)?.assignment;
    if (held === undefined || slot.publicKey === undefined) return slot;
    const trusted = trustedAdministratorKeys(withPublic, slot.anchor?.administrators ?? []);
    if (!signedOver(keyring.storeId, slot, held, trusted)) return slot;
    see(slot.userId, held.version);
    if (held.version <= (slot.role?.version ?? 0)) return slot;
    changed += 1;
    return { ...slot, role: held };
  });
  const publicMoved = JSON.stringify(publicSlots) !== JSON.stringify(keyring.publicSlots ?? []);
  if (changed === 0 && !seenMoved && !publicMoved) return { keyring, changed };
  const { publicSlots: _before, ...rest } = keyring;
  return { keyring: { ...rest, slots, roleVersionsSeen: seen, ...(publicSlots.length === 0 ? {} : { publicSlots }) }, changed };
}

/** The keys trusted by any user whose slot is on this laptop, given `publicSlots` (their own signatures extend the chain only from a trusted key). */
function trustedHere(keyring: Keyring, publicSlots: readonly PublicSlot[]): Set<string> {
  const anchors = keyring.slots.flatMap((slot) => slot.anchor?.administrators ?? []);
  return trustedAdministratorKeys({ ...keyring, publicSlots: [...publicSlots] }, anchors);
}

/**
 * The public slots of the current users whose slots are not on this laptop: the server's, except
 * that one signed here and not yet taken by the server (a higher version over the same keys) is
 * kept; each only when its role is signed over it by an administrator trusted here, so the keys an
 * administrator here signs a role over are ones a trusted administrator already vouched for.
 */
function checkedPublicSlots(keyring: Keyring, roles: SignedRolesResponse['roles']): PublicSlot[] {
  const heldHere = new Set([...keyring.slots.map((slot) => slot.userId), keyring.recovery?.userId]);
  const candidates = roles
    .filter((each) => !heldHere.has(each.userId))
    .map(({ assignment, ...subject }): PublicSlot => {
      const mine = keyring.publicSlots?.find(
        (known) =>
          known.userId === subject.userId &&
          known.username === subject.username &&
          known.publicKey === subject.publicKey &&
          known.signingPublicKey === subject.signingPublicKey,
      );
      return mine !== undefined && mine.role.version > assignment.version ? mine : { ...subject, role: assignment };
    });
  const trusted = trustedHere(keyring, candidates);
  return candidates.filter((known) => signedOver(keyring.storeId, known, known.role, trusted));
}
