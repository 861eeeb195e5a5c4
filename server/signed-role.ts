import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import { assignmentMessageFor } from '../core/role-assignment-message';
import { roleAssignmentSchema, type RoleAssignment } from '../core/role-assignment-schema';
import type { Role } from '../core/roles';
import { HttpError } from './http-error';

/**
 * The server's check of signed roles (issue 18 item 1). A laptop's store and keyring are the user's
 * to edit, so the server never takes a role from them: it holds, in each user's keyring slot, the
 * role assignment an administrator signed with their Ed25519 key, accepts a new one only signed by
 * the calling administrator's own key (server/admin-role-route.ts, admin-user-routes.ts) and newer
 * than the one it has, and on every request acts on the role that assignment signs.
 */

/** What the server reads of a slot it holds: whose it is, their keys and the signed role (the rest opens only with a passphrase). */
const heldSlotSchema = z.looseObject({
  userId: z.string(),
  username: z.string(),
  publicKey: z.string(),
  signingPublicKey: z.string().optional(),
  role: roleAssignmentSchema.optional(),
});
export type HeldSlot = z.infer<typeof heldSlotSchema>;

/** A slot as stored (jsonb), or undefined when it is not one. */
export function heldSlot(slot: unknown): HeldSlot | undefined {
  const parsed = heldSlotSchema.safeParse(slot);
  return parsed.success ? parsed.data : undefined;
}

/** Verified (key, signature, message) triples: every request checks its caller's same assignment again. */
const verified = new Set<string>();

/** True when `assignment` is its signer's signature over `slot`'s user and keys in the partnership's store (db/role-assignment.ts signs it). */
export function assignmentSignedOver(storeId: string, slot: HeldSlot, assignment: RoleAssignment): boolean {
  const message = assignmentMessageFor(storeId, slot, assignment);
  if (message === undefined) return false;
  const memo = JSON.stringify([assignment.signerPublicKey, assignment.signature, message]);
  if (verified.has(memo)) return true;
  const raw = Buffer.from(assignment.signerPublicKey, 'base64');
  const signature = Buffer.from(assignment.signature, 'base64');
  if (raw.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    if (!verify(null, Buffer.from(message, 'utf8'), key, signature)) return false;
  } catch {
    return false;
  }
  if (verified.size < 100_000) verified.add(memo);
  return true;
}

const notSigned = () =>
  new HttpError(
    403,
    'FORBIDDEN',
    'Your role on the partnership server is not the one an administrator signed. Ask an administrator to save your role again.',
  );

/**
 * The role the server acts on for a user: the one their held slot's assignment signs, which must be
 * the version the server accepted and the role in its `users` table (anything else was written
 * there without a signature: refused). A server put up before signed roles (version 0, a slot
 * without an assignment) keeps the `users` table's role.
 */
export function signedServerRole(user: { storeId: string | null; role: string; roleVersion: number; slot: unknown }): Role {
  const slot = heldSlot(user.slot);
  if (user.roleVersion === 0 && slot?.role === undefined) return user.role as Role;
  const assignment = slot?.role;
  if (slot === undefined || assignment === undefined || user.storeId === null) throw notSigned();
  if (assignment.version !== user.roleVersion || assignment.role !== user.role) throw notSigned();
  if (!assignmentSignedOver(user.storeId, slot, assignment)) throw notSigned();
  return assignment.role;
}
