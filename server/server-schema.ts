import type { ColumnType } from 'kysely';

/** A timestamptz the database fills in (`DEFAULT now()`): read as a Date, never written by the app. */
type DatabaseTimestamp = ColumnType<Date, never, never>;

/**
 * One row (id = 1) describing the server database itself. `schema_version` is the number of
 * migrations applied, so `/health` and operators can see which server built the schema without
 * reading Kysely's bookkeeping tables.
 */
export interface ServerMetaTable {
  id: ColumnType<number, number | undefined, never>;
  schema_version: number;
  created_at: DatabaseTimestamp;
  /** When a server last brought the schema up to date. */
  migrated_at: ColumnType<Date, never, Date>;
  /** The PostgreSQL role requests run as (server/request-scope.ts); set by its migration. */
  request_role: ColumnType<string, never, never>;
}

/** A WorkWell partnership served by this server. */
export interface PartnershipsTable {
  id: string;
  name: string;
  created_at: DatabaseTimestamp;
  /** The keyring's store id: every laptop's slots are bound to it. */
  store_id: string | null;
  /** `{ storeId, partnershipName, isDemo, createdAt }` of the keyring, for enrolling laptops. */
  keyring_meta: unknown;
}

/** Who may sign in, with the role the server enforces. */
export interface UsersTable {
  id: string;
  partnership_id: string;
  username: string;
  role: string;
  /** The version of the signed role assignment the server last accepted (in `keyring_slots`); 0: none (migration 009). */
  role_version: ColumnType<number, number | undefined, number>;
  /** X25519, raw, base64. */
  public_key: string;
  revoked_at: Date | null;
}

export interface KeyringSlotsTable {
  user_id: string;
  slot: unknown;
}

export interface DevicesTable {
  id: string;
  partnership_id: string;
  user_id: string;
  reference_block: number;
  enrolled_at: DatabaseTimestamp;
  revoked_at: Date | null;
  /** bigint: read as a string by pg. The laptop's highest mutation id dealt with, whoever made it. */
  last_mutation_id: ColumnType<string, string | number | undefined, string | number>;
  /** `last_mutation_id` when watermarks became per user (migration 006): below it, the change log decides. */
  legacy_mutation_id: ColumnType<string, string | number | undefined, never>;
  /** Whose visibility (core/sync/synced-tables.ts readerClass) last moved the laptop's pull cursor (migration 008). */
  pulled_as: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Per laptop and user: the highest of that user's mutations made there the server has dealt with. */
export interface DeviceUserProgressTable {
  device_id: string;
  user_id: string;
  partnership_id: string;
  /** bigint: read as a string by pg. */
  last_mutation_id: ColumnType<string, string | number | undefined, string | number>;
  /** bigint: the lowest mutation id of the user's latest push from the laptop (migration 007): refusals below it have reached it. */
  refusals_settled_below: ColumnType<string, string | number | undefined, string | number>;
  /** The user's visibility when they last pulled on the laptop, and the cursor they reached (migration 008). */
  pulled_as: ColumnType<string | null, string | null | undefined, string | null>;
  pulled_to: ColumnType<string, string | number | undefined, string | number>;
}

/** A mutation the server refused, remembered with its reason so a push sent again gets the same answer (migration 007). */
export interface RefusedMutationsTable {
  device_id: string;
  user_id: string;
  /** bigint: read as a string by pg. */
  mutation_id: ColumnType<string, number, never>;
  partnership_id: string;
  code: string;
  message: string;
}

export interface RecordsTable {
  partnership_id: string;
  table_name: string;
  /** The key as JSON text: `["id"]`. */
  key: string;
  row: unknown;
  version: ColumnType<number, number | undefined, number>;
  seq: ColumnType<string, string | number, string | number>;
}

export interface ChangeLogTable {
  seq: ColumnType<string, never, never>;
  partnership_id: string;
  table_name: string;
  key: string;
  row: unknown;
  device_id: string | null;
  mutation_id: ColumnType<string | null, number | null, never>;
}

export interface ChallengesTable {
  id: string;
  /** Null for a decoy: a challenge for a username the server does not know or has revoked (migration 007). */
  user_id: string | null;
  device_id: string;
  server_public_key: string;
  server_private_key: string;
  nonce: string;
  expires_at: Date;
}

/** Which role's requests may read which synced table: core/sync/synced-tables.ts, copied at start for the RLS policies. */
export interface TableReadersTable {
  table_name: string;
  role: string;
}

/** Which synced tables hold drafts, and their columns: core/sync/synced-tables.ts `draft`, copied at start (migration 008). */
export interface TableDraftsTable {
  table_name: string;
  author_column: string;
  unsigned_column: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  device_id: string;
  expires_at: Date;
}

/** One partnership export or MI return run on the server (server/server-export-log.ts). */
export interface ServerExportLogTable {
  seq: ColumnType<string, never, never>;
  id: string;
  partnership_id: string;
  at: Date;
  kind: string;
  destination: string;
  outcome: string;
  included: number;
  skipped: number;
  failed: number;
  sha256: string;
  /** bigint: read as a string by pg. */
  bytes: ColumnType<string, number, never>;
  reason: string | null;
}

/** Each person's outcome in a server export, by id (never a name), with a coded reason. */
export interface ServerExportLogSubjectsTable {
  export_id: string;
  participant_id: string;
  outcome: string;
  reason: ColumnType<string, string | undefined, never>;
}

/**
 * One entry of a partnership's audit chain on the server (migration 004): a laptop's audit entry
 * (`source` 'laptop', with its own `entry_*` sequence and hash link) or an event of the server's
 * own (`source` 'server'). Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 */
export interface ServerAuditLogTable {
  partnership_id: string;
  /** bigint: read as a string by pg. */
  chain_seq: ColumnType<string, number, never>;
  received_at: ColumnType<Date, Date, never>;
  source: 'laptop' | 'server';
  device_id: string | null;
  user_id: string | null;
  username: string | null;
  action: string;
  channel: string;
  participant_id: string | null;
  subject_json: string;
  outcome: string;
  entry_seq: number | null;
  entry_at: string | null;
  entry_prev_hash: string | null;
  entry_hash: string | null;
  prev_hash: string;
  hash: string;
}

/** A referrer's system's token for `POST /referrals/fhir` (migration 011): only its SHA-256 is kept. */
export interface ReferrerTokensTable {
  id: string;
  partnership_id: string;
  /** Whose it is ("Example GP practice"), as the administrator named it. */
  name: string;
  token_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

/**
 * The partnership server's PostgreSQL schema as Kysely sees it. Each migration that adds a table
 * adds its interface here (a test compares this with the migrated database); the sync protocol's
 * tables come later.
 */
export interface ServerDatabase {
  server_meta: ServerMetaTable;
  partnerships: PartnershipsTable;
  users: UsersTable;
  keyring_slots: KeyringSlotsTable;
  devices: DevicesTable;
  device_user_progress: DeviceUserProgressTable;
  refused_mutations: RefusedMutationsTable;
  records: RecordsTable;
  change_log: ChangeLogTable;
  challenges: ChallengesTable;
  sessions: SessionsTable;
  table_readers: TableReadersTable;
  table_drafts: TableDraftsTable;
  server_export_log: ServerExportLogTable;
  server_export_log_subjects: ServerExportLogSubjectsTable;
  audit_log: ServerAuditLogTable;
  referrer_tokens: ReferrerTokensTable;
}
