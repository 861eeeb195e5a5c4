import { z } from 'zod';
import { roleSchema } from '../roles';

/**
 * The wire format between a laptop and the partnership server (issue 14). Replicache's push/pull
 * with a per-laptop last mutation id; the server is authoritative and orders everything by its own
 * sequence, never by laptop clocks. Both sides parse every message with these schemas.
 *
 * Versioned: a laptop sends `formatVersion` with every push; a server refuses a format it does
 * not know with FORMAT_UNSUPPORTED and a message asking the user to update.
 */
export const SYNC_FORMAT_VERSION = 2;
// 2: the last mutation id a push or pull answers is the signed-in user's own on that laptop
// (several users may share one), not the laptop's; a laptop marks only that user's changes done.

/** A table's primary key value(s) as text, in the order of the table's key columns. */
const rowKeySchema = z.array(z.string().max(200)).min(1).max(3);

/** A row's columns by name: text, numbers, null (how SQLite returns them). */
const rowValuesSchema = z.record(z.string().regex(/^[a-z_0-9]{1,64}$/), z.union([z.string(), z.number(), z.null()]));

/** One row's new state (an insert or update) or its removal, in a table that syncs. */
export const rowChangeSchema = z.strictObject({
  table: z.string().regex(/^[a-z_]{1,64}$/),
  key: rowKeySchema,
  /** The row's columns as the store holds them (text, numbers, null); null when deleted. */
  row: rowValuesSchema.nullable(),
  /**
   * The row as the laptop held it before this mutation changed it (null: it did not exist). The
   * server's compare-and-set: a versioned row is applied only while the server still holds exactly
   * this row, so two laptops that both changed "the same draft" cannot both win. Absent in pulls.
   */
  base: rowValuesSchema.nullable().optional(),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

/**
 * One call of the contract made on a laptop, with the rows it changed there. The server re-checks
 * the caller's role and the channel's input schema itself, then applies the rows by each table's
 * rule (append-only, versioned draft, compare-and-set). Ids of new records are made on the laptop
 * (UUIDs), so they are the same everywhere.
 */
export const mutationSchema = z.strictObject({
  /** Increases by one per laptop (for all its users); the server applies each once, by user and laptop. */
  mutationId: z.number().int().positive(),
  channel: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/),
  input: z.unknown(),
  changes: z.array(rowChangeSchema).max(5_000),
  /** When it was made, on the laptop's clock: shown to people, never used for ordering. */
  madeAt: z.iso.datetime(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  formatVersion: z.number().int(),
  mutations: z.array(mutationSchema).max(500),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why the server did not apply a mutation; the laptop keeps the person's text and says so. */
export const refusalCodeSchema = z.enum(['FORBIDDEN', 'VALIDATION', 'CONFLICT', 'NOT_SYNCED', 'FORMAT_UNSUPPORTED']);

export const mutationResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ mutationId: z.number().int(), outcome: z.literal('applied'), seq: z.string() }),
  /** Applied by an earlier push (a retry after a cut connection): nothing done twice. */
  z.strictObject({ mutationId: z.number().int(), outcome: z.literal('duplicate') }),
  z.strictObject({
    mutationId: z.number().int(),
    outcome: z.literal('refused'),
    code: refusalCodeSchema,
    message: z.string(),
    /** The server's rows for every key the mutation touched (null: the server has no such row), so the laptop can undo it. */
    serverRows: z.array(rowChangeSchema),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.strictObject({
  results: z.array(mutationResultSchema),
  /** The highest mutation id of the signed-in user on this laptop the server has dealt with. */
  lastMutationId: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** The server's sequence as a decimal string (a PostgreSQL bigint); '0' before the first pull. */
export const cursorSchema = z.string().regex(/^\d{1,19}$/);

export const pullRequestSchema = z.strictObject({
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(5_000).default(1_000),
  /**
   * Long poll: when nothing is after the cursor, the server holds the answer until a change
   * arrives (at most about 25 s) and answers then. Absent (older laptops): it answers at once.
   */
  wait: z.boolean().optional(),
  /** The laptop's SYNC_FORMAT_VERSION (from 2). Absent (older laptops): `lastMutationId` is 0. */
  formatVersion: z.number().int().optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledChangeSchema = rowChangeSchema.extend({ seq: cursorSchema });
export type PulledChange = z.infer<typeof pulledChangeSchema>;

export const pullResponseSchema = z.strictObject({
  changes: z.array(pulledChangeSchema),
  cursor: cursorSchema,
  /** True when there is more after `cursor`: pull again at once. */
  more: z.boolean(),
  /** The signed-in user's last mutation on this laptop the server has dealt with: that user's outbox entries up to it are done. */
  lastMutationId: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * Proving who you are without sending a passphrase: each user already holds an X25519 key pair
 * (its private half wrapped by their passphrase in the keyring). The server answers a challenge
 * with a fresh X25519 key; the laptop proves it holds the user's private key with an HMAC keyed by
 * the shared secret (see core/sync/auth-proof.ts).
 */
export const challengeRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  /** The laptop's id (a UUID made when it was enrolled). */
  deviceId: z.uuid(),
});
export const challengeResponseSchema = z.strictObject({
  challengeId: z.uuid(),
  /** The server's one-time X25519 public key (raw, base64). */
  serverPublicKey: z.base64(),
  nonce: z.base64(),
});
export const answerRequestSchema = z.strictObject({
  challengeId: z.uuid(),
  /** base64 HMAC-SHA256 over the challenge, keyed from the shared secret. */
  proof: z.base64(),
});
export const sessionSchema = z.strictObject({
  /** Bearer token for this laptop and user; short-lived. */
  token: z.string().min(32).max(200),
  expiresAt: z.iso.datetime(),
  user: z.strictObject({ userId: z.string(), username: z.string(), role: roleSchema }),
  partnership: z.strictObject({ id: z.string(), name: z.string() }),
  /**
   * This laptop's block of participant reference numbers (1 for the first laptop): references are
   * made offline from a per-store counter, so each laptop counts in a block of its own.
   */
  referenceBlock: z.number().int().positive(),
});
export type SyncSession = z.infer<typeof sessionSchema>;

/** What a new laptop fetches before anything else: the user's keyring slot, to unwrap with their passphrase. */
export const enrolmentSlotRequestSchema = z.strictObject({ username: z.string().min(1).max(64) });

/** Every error the server sends: a typed code and a message a person can act on. Never clinical text. */
export const serverErrorBodySchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

/** What GET /enrol/slot answers: the user's keyring slot (checked by db/keyring.ts) and the keyring's description. */
export const enrolmentSlotResponseSchema = z.strictObject({
  slot: z.unknown(),
  keyring: z.strictObject({ storeId: z.uuid(), partnershipName: z.string(), isDemo: z.boolean(), createdAt: z.string() }),
});
