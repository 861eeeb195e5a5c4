import { z } from 'zod';
import { publicSlotFields, roleAssignmentSchema } from '../role-assignment-schema';
import { roleSchema } from '../roles';

/**
 * The partnership server's administrator routes (server/admin-routes.ts): who may sign in, and
 * which laptops are enrolled. Every route checks the caller is an administrator AS THE SERVER
 * KNOWS THEM (its own `users` table), never a laptop's word. Both sides parse with these schemas.
 */

/** A user's row as a laptop's `users` table holds it: what the other laptops receive on pull. */
export const userRowSchema = z.strictObject({
  id: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  display_name: z.string().min(1).max(200),
  role: roleSchema,
  created_at: z.string().max(40),
  disabled_at: z.string().max(40).nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;

/**
 * A user's keyring slot as the laptop's keyring holds it (db/keyring.ts checks the rest when a new
 * laptop unwraps it). Only what the server relies on is checked here: whose it is and its public key.
 * It holds no passphrase and no usable key: the slot opens only with the user's passphrase.
 */
export const keyringSlotSchema = z.looseObject({
  userId: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  publicKey: z.base64().min(40).max(60),
});

/** PUT /admin/users/:id: a user added on a laptop, with the slot a new laptop of theirs unwraps. */
export const addServerUserRequestSchema = z.strictObject({
  row: userRowSchema,
  slot: keyringSlotSchema,
  /** The team member row the laptop linked to this account, if any (its `user_id` is the new user's). */
  teamMember: z.record(z.string().regex(/^[a-z_0-9]{1,64}$/), z.union([z.string(), z.number(), z.null()])).nullable(),
});
export type AddServerUserRequest = z.infer<typeof addServerUserRequestSchema>;

export const addServerUserResponseSchema = z.strictObject({
  /** False when the server already had this user (sent again after a cut connection): nothing changed. */
  added: z.boolean(),
});

/** One user as the server holds them. */
export const serverUserSchema = z.strictObject({
  userId: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: roleSchema,
  revokedAt: z.string().nullable(),
  /** Laptops enrolled for this user (not revoked). */
  laptops: z.number().int().nonnegative(),
  /** The version of the signed role the server holds for them (0: none, a server put up before signed roles). */
  roleVersion: z.number().int().nonnegative(),
});
export type ServerUser = z.infer<typeof serverUserSchema>;
export const serverUsersResponseSchema = z.strictObject({ users: z.array(serverUserSchema) });

/** One enrolled laptop as the server holds it. */
export const serverDeviceSchema = z.strictObject({
  deviceId: z.string(),
  /** The user it was enrolled for (other users of the partnership may sign in on it too). */
  username: z.string(),
  enrolledAt: z.string(),
  /** The last time any user signed in to the server from it; null if never since enrolment. */
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ServerDevice = z.infer<typeof serverDeviceSchema>;
export const serverDevicesResponseSchema = z.strictObject({ devices: z.array(serverDeviceSchema) });

/** What revoking a user or a laptop answers: when it took effect (its next connection is refused). */
export const revokedResponseSchema = z.strictObject({ revokedAt: z.string() });

/**
 * Changing a user's role on the server (POST /admin/users/:id/role). `seenUpTo`: the sync cursor
 * of the laptop sending it, so a role changed on another laptop since this one last pulled is not
 * set back by a laptop that had not seen it (compare-and-set against the server's sequence).
 */
export const changeServerUserRoleRequestSchema = z.strictObject({
  role: roleSchema,
  seenUpTo: z.string().regex(/^\d{1,19}$/),
  /**
   * The role as the sending administrator signed it into the user's slot (issue 18 item 1): the
   * server takes it only signed by the caller's own key over the user's slot it holds, for `role`,
   * and newer than the version it has; laptops enrolled later receive it in the slot.
   */
  assignment: roleAssignmentSchema,
});
export type ChangeServerUserRoleRequest = z.infer<typeof changeServerUserRoleRequestSchema>;
/** `changed`: false when the user already had that role (sent again after a cut connection). */
export const changeServerUserRoleResponseSchema = z.strictObject({ role: roleSchema, changed: z.boolean() });

/**
 * GET /sync/roles: every current user's signed role as the server holds it, for any signed-in
 * laptop to bring its keyring's copies up to date (services/sync/signed-roles-sync.ts) and learn
 * the highest version, so an older assignment put back on a laptop shows as rolled back. With it
 * the public parts of the user's slot it is signed over (username and keys), so an administrator's
 * laptop that does not hold that slot can sign the user's next role.
 */
export const signedRolesResponseSchema = z.strictObject({
  roles: z.array(z.strictObject({ ...publicSlotFields, assignment: roleAssignmentSchema })).max(5000),
});
export type SignedRolesResponse = z.infer<typeof signedRolesResponseSchema>;
