import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { emptyInputSchema } from '../schemas/session';
import type { ChannelDefinition } from './channel-definition';

function channel<Input extends z.ZodType, Output extends z.ZodType>(
  definition: ChannelDefinition<Input, Output>,
): ChannelDefinition<Input, Output> {
  return definition;
}

/** One change the partnership server refused: kept on this laptop with the person's text. */
export const refusedChangeSchema = z.strictObject({
  mutationId: z.number().int(),
  channel: z.string(),
  /** The server's message, written for people. */
  message: z.string(),
  /** When it was made, on this laptop's clock. */
  madeAt: z.string(),
  /** The person's text that was kept (the change's text answers, shortened), for finding it again. */
  summary: z.string(),
});
export type RefusedChangeView = z.infer<typeof refusedChangeSchema>;

/**
 * Why the last attempt to reach the partnership server failed, for the header to say plainly:
 * - `unreachable`: no answer (no network, server down): changes wait on this laptop;
 * - `revoked`: this user or this laptop was revoked on the server;
 * - `not-recognised`: the server does not know this user on this laptop (not yet sent by an administrator);
 * - `update-needed`: the server and this app speak different change formats: one needs updating;
 * - `server-error`: the server answered with a failure of its own.
 */
export const syncProblemSchema = z.strictObject({
  kind: z.enum(['unreachable', 'revoked', 'not-recognised', 'update-needed', 'server-error']),
  /** For people: what happened and what to do. */
  message: z.string(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

/** The header's sync status: none for a solo store; online or offline with the changes still to send. */
export const syncStatusSchema = z.strictObject({
  mode: z.enum(['solo', 'online', 'offline']),
  /** The signed-in user's changes not yet taken by the partnership server ("awaiting the partnership server"). */
  waiting: z.number().int().nonnegative(),
  /** Other users' changes made on this laptop, waiting until one of them syncs (the server checks who made each). */
  waitingOthers: z.number().int().nonnegative(),
  /** Why the server could not be used, when it could not (null while online or solo). */
  problem: syncProblemSchema.nullable(),
  refused: z.array(refusedChangeSchema),
  /** The last time a sync with the server finished, or null. */
  lastSyncedAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The sync channels, spread into the contract. */
export const syncContract = {
  'sync.status': channel({
    summary: 'Whether this laptop is syncing with the partnership server, changes waiting to be sent, and changes the server refused',
    input: emptyInputSchema,
    output: syncStatusSchema,
    access: ALL_ROLES,
    // A status poll touches no record: not audited (a refusal is still recorded as denied).
    audit: { action: null },
  }),
  'sync.changes': channel({
    summary:
      'Waits (up to 20 s) until a pull brings changes made on other laptops, then answers with the new count; screens reload what they show',
    input: z.strictObject({ after: z.number().int().nonnegative() }),
    output: z.strictObject({
      /** How many pulls have brought changes since the app started. */
      generation: z.number().int().nonnegative(),
      /** False when this laptop is not syncing (solo, or locked): stop asking. */
      live: z.boolean(),
    }),
    access: ALL_ROLES,
    // A wait for news touches no record: not audited.
    audit: { action: null },
  }),
};
