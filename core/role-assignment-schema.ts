import { z } from 'zod';
import { ROLES } from './roles';

/** How many bytes a well-formed base64 string decodes to (core has no Buffer). */
function decodedLength(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/** A base64 string decoding to exactly `bytes` bytes (keys, signatures, nonces). */
export const base64Bytes = (bytes: number) => z.base64().refine((value) => decodedLength(value) === bytes, `must be ${bytes} bytes`);

/**
 * A role signed by an administrator's Ed25519 key over core/role-assignment-message.ts: what a
 * keyring slot holds (db/keyring.ts), what a laptop sends the partnership server when a role is
 * saved, and what the server hands every laptop (core/sync/admin-protocol.ts).
 */
export const roleAssignmentSchema = z.strictObject({
  role: z.enum(ROLES),
  /** Monotonic per user: each assignment is one more than the one it replaces; an older one is a rollback. */
  version: z.number().int().min(1),
  /** False while the user's signing key is not yet certified (an account from before signed roles). */
  certifiesSigningKey: z.boolean(),
  signerUserId: z.string().min(1).max(64),
  signerPublicKey: base64Bytes(32),
  signature: base64Bytes(64),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/**
 * What is public about a user's keyring slot, which is what a role assignment is signed over (with
 * the store id, role and version): kept on laptops that do not hold the slot (db/keyring.ts
 * `publicSlots`) and handed out by the server with each signed role (core/sync/admin-protocol.ts).
 */
export const publicSlotFields = {
  userId: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  publicKey: base64Bytes(32),
  signingPublicKey: base64Bytes(32).optional(),
};
