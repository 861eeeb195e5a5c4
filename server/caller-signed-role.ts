import type { Transaction } from 'kysely';
import type { RoleAssignment } from '../core/role-assignment-schema';
import type { Caller } from './auth-session';
import { HttpError } from './http-error';
import type { ServerDatabase } from './server-schema';
import { assignmentSignedOver, heldSlot, type HeldSlot } from './signed-role';

/**
 * Refuses (403, nothing changed) a role assignment the calling administrator did not sign with
 * their own key over `slot`. The caller is an administrator by their own signed role (auth-session.ts),
 * so the server accepts only what a current administrator signed: a key whose holder has been
 * revoked or demoted signs nothing the server takes, and a forged or replayed signature is refused.
 */
export async function requireSignedByCaller(
  trx: Transaction<ServerDatabase>,
  caller: Caller,
  slot: HeldSlot,
  assignment: RoleAssignment,
): Promise<void> {
  const held = await trx
    .selectFrom('keyring_slots')
    .innerJoin('users', 'users.id', 'keyring_slots.user_id')
    .innerJoin('partnerships', 'partnerships.id', 'users.partnership_id')
    .select(['keyring_slots.slot', 'partnerships.store_id'])
    .where('users.id', '=', caller.userId)
    .executeTakeFirst();
  const signingKey = heldSlot(held?.slot)?.signingPublicKey;
  if (
    held?.store_id == null ||
    signingKey === undefined ||
    assignment.signerUserId !== caller.userId ||
    assignment.signerPublicKey !== signingKey ||
    !assignmentSignedOver(held.store_id, slot, assignment)
  )
    throw new HttpError(
      403,
      'FORBIDDEN',
      'The role sent is not signed by your own key over that user’s keys on the partnership server. Nothing was changed.',
    );
}
