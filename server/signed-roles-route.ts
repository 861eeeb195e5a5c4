import { authenticate } from './auth-session';
import type { Route } from './route';
import { heldSlot } from './signed-role';

/**
 * GET /sync/roles: every current user's role as an administrator signed it, from the slots the
 * server holds (core/sync/admin-protocol.ts signedRolesResponseSchema). Any signed-in laptop takes
 * them to bring its keyring up to date and to learn each user's latest version, so a role changed
 * on another laptop opens on this one and an earlier assignment put back here shows as rolled back.
 * Signed roles are not secret: each names a user, a role and public keys (the ones it is signed over).
 */
export const signedRolesRoute: Route = {
  method: 'GET',
  pattern: '/sync/roles',
  async handle(context) {
    const caller = await authenticate(context.db, context.headers);
    const rows = await context.db
      .selectFrom('users')
      .innerJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
      .select(['users.id', 'users.role_version', 'keyring_slots.slot'])
      .where('users.partnership_id', '=', caller.partnershipId)
      .where('users.revoked_at', 'is', null)
      .orderBy('users.id')
      .execute();
    const roles = rows.flatMap((row) => {
      const slot = heldSlot(row.slot);
      const assignment = slot?.role;
      if (slot === undefined || assignment === undefined || assignment.version !== row.role_version) return [];
      // What the assignment is signed over, and nothing else of the slot (its wrapped keys stay here).
      const { username, publicKey, signingPublicKey } = slot;
      return [{ userId: row.id, username, publicKey, ...(signingPublicKey === undefined ? {} : { signingPublicKey }), assignment }];
    });
    return { status: 200, body: { roles } };
  },
};
