import type { Channel } from '../channels';
import { ALL_ROLES, type Role } from '../roles';

/**
 * How the partnership server settles a change to a table (../shared/sync.md, "Kinds of record"):
 * - `append-only`: inserted once and never changed; a second insert of the identical row is a
 *   no-op, a different row under the same key is refused (CONFLICT);
 * - `versioned`: a compare-and-set on the row the laptop started from (the mutation's `base`):
 *   drafts, agreeing a plan, signing, meeting notes. Two laptops can never both agree "version 2";
 * - `mutable`: the last write in the server's order wins (a person's contact details, settings).
 */
export type SyncRule = 'append-only' | 'versioned' | 'mutable';

export interface SyncedTable {
  readonly table: string;
  /** The primary key column(s), in order: the wire's `key`. */
  readonly key: readonly string[];
  readonly rule: SyncRule;
  /**
   * Columns the store's own triggers keep (caches): never captured, sent or applied, so the
   * receiving store recomputes them itself and they cannot drift.
   */
  readonly derived?: readonly string[];
  /** The contract channels whose calls may change this table: the server refuses anything else. */
  readonly writtenBy: readonly Channel[];
  /** The roles whose laptops receive its rows on pull. */
  readonly readBy: readonly Role[];
}

/** Channels that move a person's status or next review date as a side effect. */
const PERSON_STATUS_CHANNELS: readonly Channel[] = [
  'participants.register',
  'assessments.saveJoinedUp',
  'assessments.amendJoinedUp',
  'assessments.sign',
  'triage.decide',
  'plans.agreeByMdt',
  'plans.agreeWithPerson',
  'plans.activate',
  'plans.review',
  'meetings.end',
];

/**
 * The tables that sync, parents before children (the order the server applies and a new laptop
 * receives them in). Left out on purpose, because each laptop keeps its own: the audit trail
 * (`audit_log`: its hash chain is per store; reaching the server is issue 14 item 7, still to do),
 * `reference_counters` (a per-laptop block, see db/sync/reference-block.ts), `backup_log`,
 * `export_log`, `security_settings`, the retention tables, and the search index
 * (`participants_search`), which local triggers keep from `participants`.
 */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  { table: 'partnership', key: ['id'], rule: 'mutable', writtenBy: [], readBy: ALL_ROLES },
  // Written only by the server's administrator routes (server/admin-routes.ts), which also give the
  // server the user's key and slot: a push through /sync/push may never change a user.
  { table: 'users', key: ['id'], rule: 'mutable', writtenBy: [], readBy: ALL_ROLES },
  { table: 'disciplines', key: ['code'], rule: 'versioned', writtenBy: ['config.saveDiscipline'], readBy: ALL_ROLES },
  { table: 'team_members', key: ['id'], rule: 'versioned', writtenBy: ['config.saveTeamMember'], readBy: ALL_ROLES },
  { table: 'directory_services', key: ['id'], rule: 'versioned', writtenBy: ['config.saveService'], readBy: ALL_ROLES },
  {
    table: 'measure_wording',
    key: ['measure'],
    rule: 'mutable',
    writtenBy: ['measureWording.save', 'measureWording.reset'],
    readBy: ALL_ROLES,
  },
  {
    table: 'participants',
    key: ['id'],
    rule: 'mutable',
    derived: ['open_risk_flag_count', 'referred_on'],
    writtenBy: PERSON_STATUS_CHANNELS,
    readBy: ALL_ROLES,
  },
  { table: 'referrals', key: ['id'], rule: 'append-only', writtenBy: ['participants.register'], readBy: ALL_ROLES },
  // Withdrawing consent fills in the withdrawal columns of the original row: not append-only.
  {
    table: 'consents',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['participants.register', 'consents.record', 'consents.withdraw'],
    readBy: ALL_ROLES,
  },
  {
    table: 'assessments',
    key: ['id'],
    rule: 'versioned',
    writtenBy: [
      'assessments.saveJoinedUp',
      'assessments.amendJoinedUp',
      'assessments.saveDisciplineDraft',
      'assessments.sign',
      'assessments.amendDiscipline',
    ],
    readBy: ALL_ROLES,
  },
  {
    table: 'measure_results',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['measures.record', 'assessments.saveJoinedUp'],
    readBy: ALL_ROLES,
  },
  // Acknowledging a flag is a compare-and-set: two clinicians cannot both be the one who did.
  {
    table: 'risk_flags',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['measures.record', 'assessments.saveJoinedUp', 'riskFlags.acknowledge'],
    readBy: ALL_ROLES,
  },
  {
    table: 'meetings',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['meetings.create', 'meetings.recordAttendance', 'meetings.reorderAgenda', 'meetings.end', 'triage.decide'],
    readBy: ALL_ROLES,
  },
  {
    table: 'agenda_items',
    key: ['id'],
    rule: 'versioned',
    // consents.withdraw: withdrawing consent to the service takes the person off agendas to come.
    writtenBy: [
      'meetings.create',
      'meetings.reorderAgenda',
      'meetings.saveCaseNotes',
      'meetings.end',
      'triage.decide',
      'consents.withdraw',
    ],
    readBy: ALL_ROLES,
  },
  { table: 'triage_decisions', key: ['id'], rule: 'append-only', writtenBy: ['triage.decide'], readBy: ALL_ROLES },
  {
    table: 'action_plans',
    key: ['id'],
    rule: 'versioned',
    writtenBy: [
      'plans.saveDraft',
      'plans.agreeByMdt',
      'plans.agreeWithPerson',
      'plans.activate',
      'plans.review',
      'plans.updateActionStatus',
    ],
    readBy: ALL_ROLES,
  },
  { table: 'action_updates', key: ['id'], rule: 'append-only', writtenBy: ['plans.updateActionStatus'], readBy: ALL_ROLES },
  { table: 'plan_reviews', key: ['id'], rule: 'append-only', writtenBy: ['plans.review'], readBy: ALL_ROLES },
  { table: 'participant_exits', key: ['participant_id'], rule: 'append-only', writtenBy: ['plans.review'], readBy: ALL_ROLES },
  {
    table: 'workplace_adjustments',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['adjustments.save', 'adjustments.signAhpReport'],
    readBy: ALL_ROLES,
  },
  // Signing an AHP report is a compare-and-set: one signature per version.
  {
    table: 'ahp_reports',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['adjustments.saveAhpReport', 'adjustments.signAhpReport'],
    readBy: ALL_ROLES,
  },
];

/**
 * Channels whose changes reach the server through its administrator routes rather than the outbox
 * (services/sync/user-changes.ts): adding a user carries their keyring slot, which lives in the
 * keyring file, not the store, and the call's input holds a first passphrase that must never
 * leave the laptop. Their captured rows are never queued.
 */
export const SENT_BY_ADMIN_ROUTES: readonly Channel[] = ['users.add', 'users.revoke'];

const BY_NAME: ReadonlyMap<string, SyncedTable> = new Map(SYNCED_TABLES.map((entry) => [entry.table, entry]));

/** The catalogue entry of a table, or undefined when it does not sync. */
export function syncedTable(table: string): SyncedTable | undefined {
  return BY_NAME.get(table);
}

/** The apply order of a table (parents first); unknown tables last. */
export function syncOrder(table: string): number {
  const index = SYNCED_TABLES.findIndex((entry) => entry.table === table);
  return index === -1 ? SYNCED_TABLES.length : index;
}

/**
 * Tables each laptop keeps to itself (see SYNCED_TABLES for why). Every table of the store is in
 * one list or the other (tests/unit/sync/synced-tables.test.ts), so a new table is placed on purpose.
 */
export const LOCAL_ONLY_TABLES: readonly string[] = [
  'audit_log',
  'reference_counters',
  'participants_search',
  'sync_state',
  'sync_capture',
  'sync_outbox',
  'security_settings',
  'backup_log',
  'export_log',
  'export_log_subjects',
  'export_settings',
  // Paths of files this laptop is writing outside the store (a killed export's partial file).
  'unfinished_files',
  // Retention holds and purges act on this laptop's store; sharing them is for the server's own retention (later).
  'legal_holds',
  'retention_purge',
];
