import type { Channel } from '../channels';
import { TRIAGE_ROLES } from '../contracts/channel-roles';
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

/**
 * A unique index of the store the server must also keep: two laptops offline can each make a row
 * that is fine alone (a draft plan for the same person, version 2 of the same adjustments), and a
 * second such row would break every laptop that pulls it. Rows with a null in `columns` never
 * clash (as in SQLite); `where` limits it to rows holding those values (a partial index);
 * `nocase` compares text ignoring case.
 */
export interface UniqueColumns {
  readonly columns: readonly string[];
  readonly where?: Readonly<Record<string, string>>;
  readonly nocase?: boolean;
}

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
  /**
   * The roles whose laptops receive its rows on pull: the roles that read it in the app (issue 18,
   * least privilege). The server's pull filters by it and row-level security enforces it again.
   */
  readonly readBy: readonly Role[];
  /**
   * Rows that are drafts until signed: while `unsignedWhileNull` is null, a row goes only to the
   * user named in `author` (the app shows others only that a draft exists). Once signed it goes to
   * every role in `readBy`, as a change of its own.
   */
  readonly draft?: { readonly author: string; readonly unsignedWhileNull: string };
  /**
   * The store's foreign keys to other synced tables, column to table (whose key is one column).
   * The server refuses a row whose parent it does not hold: a change that builds on a refused one.
   */
  readonly references?: Readonly<Record<string, string>>;
  /** The store's unique indexes besides the key (tests/unit/sync/synced-tables.test.ts checks none is missed). */
  readonly unique?: readonly UniqueColumns[];
}

/**
 * Who reads clinical content: everyone but the administrator, who runs accounts, settings and
 * exports and reads a person's details, status, referrals and consent only (services/participants/participant-view.ts).
 */
const CLINICAL_READERS: readonly Role[] = ALL_ROLES.filter((role) => role !== 'administrator');

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
  'referrals.accept',
  'participants.editDetails',
  'participants.assignCoach',
  'participants.close',
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
  {
    table: 'users',
    key: ['id'],
    rule: 'mutable',
    writtenBy: [],
    readBy: ALL_ROLES,
    unique: [{ columns: ['username'] }],
  },
  {
    table: 'disciplines',
    key: ['code'],
    rule: 'versioned',
    writtenBy: ['config.saveDiscipline'],
    readBy: ALL_ROLES,
    references: { updated_by: 'users' },
    unique: [{ columns: ['label'], nocase: true }],
  },
  {
    table: 'team_members',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['config.saveTeamMember'],
    readBy: ALL_ROLES,
    references: { discipline_code: 'disciplines', updated_by: 'users', user_id: 'users' },
    unique: [{ columns: ['user_id'] }],
  },
  {
    table: 'directory_services',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['config.saveService'],
    readBy: ALL_ROLES,
    references: { updated_by: 'users' },
    unique: [{ columns: ['name'], nocase: true }],
  },
  // The partnership's common actions per discipline: settings, so a compare-and-set on each entry.
  {
    table: 'action_library',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['config.saveLibraryAction'],
    readBy: ALL_ROLES,
    references: { discipline_code: 'disciplines', updated_by: 'users' },
  },
  {
    table: 'measure_wording',
    key: ['measure'],
    rule: 'mutable',
    writtenBy: ['measureWording.save', 'measureWording.reset'],
    readBy: ALL_ROLES,
    references: { updated_by: 'users' },
  },
  // Settings an administrator edits for the whole partnership (clinical leads): compare-and-set.
  {
    table: 'partnership_settings',
    key: ['key'],
    rule: 'versioned',
    writtenBy: ['config.saveClinicalLeads', 'config.saveEligibility', 'config.saveAreaCode'],
    readBy: ALL_ROLES,
    references: { updated_by: 'users' },
  },
  {
    table: 'participants',
    key: ['id'],
    rule: 'mutable',
    derived: ['open_risk_flag_count', 'referred_on'],
    writtenBy: PERSON_STATUS_CHANNELS,
    readBy: ALL_ROLES,
    references: { coach_user_id: 'users' },
    unique: [{ columns: ['reference'] }, { columns: ['nhs_number'] }],
  },
  // Each edit of a person's details (issue 20 item 5): never changed, and one edit per version per
  // person, so of two laptops that both saved "version 2" offline the second is refused, not merged.
  {
    table: 'participant_detail_versions',
    key: ['id'],
    rule: 'append-only',
    // A returning person's new episode (from registration or the inbox) saves what their referral says as a version too.
    writtenBy: ['participants.editDetails', 'participants.register', 'referrals.accept'],
    readBy: ALL_ROLES,
    references: { participant_id: 'participants', saved_by: 'users' },
    unique: [{ columns: ['participant_id', 'version'] }],
  },
  {
    table: 'referrals',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['participants.register', 'referrals.accept'],
    readBy: ALL_ROLES,
    references: { participant_id: 'participants', recorded_by: 'users' },
  },
  // A person's episodes after the first (issue 20 item 4; store migration 034): recorded once, never
  // changed. Unique by person and number, so two laptops that both start "episode 2" offline clash
  // here and the second is refused with everything its accept wrote. Read by every role, as the
  // referrals and the exit it carries are.
  {
    table: 'participant_episodes',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['referrals.accept', 'participants.register'],
    readBy: ALL_ROLES,
    references: { participant_id: 'participants', referral_id: 'referrals', accepted_by: 'users', previous_ended_by: 'users' },
    unique: [{ columns: ['participant_id', 'number'] }],
  },
  // The referral inbox (issue 20): imported rows wait; accept and decline are a compare-and-set on
  // `version`, so two laptops can never both decide one. Only triage reads it: administrators see
  // no clinical content (the referral's reason).
  {
    table: 'referral_inbox',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['referrals.import', 'referrals.accept', 'referrals.decline'],
    readBy: TRIAGE_ROLES,
    references: { recorded_by: 'users', decided_by: 'users' },
  },
  // Withdrawing consent fills in the withdrawal columns of the original row: not append-only.
  {
    table: 'consents',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['participants.register', 'consents.record', 'consents.withdraw'],
    readBy: ALL_ROLES,
    references: { participant_id: 'participants', recorded_by: 'users', withdrawn_by: 'users' },
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
    readBy: CLINICAL_READERS,
    // A discipline draft is its author's until signed (a joined-up assessment and an amendment are signed when saved).
    draft: { author: 'author_id', unsignedWhileNull: 'signed_at' },
    references: { amends_id: 'assessments', author_id: 'users', participant_id: 'participants', signed_by: 'users' },
    unique: [{ columns: ['amends_id'] }],
  },
  {
    table: 'measure_results',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['measures.record', 'assessments.saveJoinedUp'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', recorded_by: 'users' },
  },
  // Acknowledging a flag is a compare-and-set: two clinicians cannot both be the one who did.
  {
    table: 'risk_flags',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['measures.record', 'assessments.saveJoinedUp', 'riskFlags.acknowledge', 'riskFlags.acknowledgeInMeeting'],
    readBy: CLINICAL_READERS,
    references: { acknowledged_by: 'users', measure_result_id: 'measure_results', participant_id: 'participants' },
  },
  // Fit notes: recorded once, never changed; a correction is a new row naming the one it replaces.
  {
    table: 'fit_notes',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['fitNotes.record'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', recorded_by: 'users', replaces_id: 'fit_notes' },
    unique: [{ columns: ['replaces_id'] }],
  },
  // Follow-ups after exit (issue 20 item 6): recorded once, never changed; a correction is the next
  // version naming the one it replaces, so two laptops can never both record one follow-up's version 1.
  {
    table: 'follow_ups',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['followUps.record'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', recorded_by: 'users', replaces_id: 'follow_ups' },
    unique: [{ columns: ['participant_id', 'exited_on', 'point', 'version'] }, { columns: ['replaces_id'] }],
  },
  {
    table: 'meetings',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['meetings.create', 'meetings.recordAttendance', 'meetings.reorderAgenda', 'meetings.end', 'triage.decide'],
    readBy: ALL_ROLES,
    references: { chair_id: 'team_members', created_by: 'users', ended_by: 'users', rolled_forward_to_id: 'meetings' },
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
      // Closing a case takes the person off agendas to come, as withdrawing consent does.
      'participants.close',
    ],
    readBy: CLINICAL_READERS,
    references: {
      carried_over_from_id: 'agenda_items',
      listed_by: 'users',
      meeting_id: 'meetings',
      notes_updated_by: 'users',
      participant_id: 'participants',
    },
    unique: [{ columns: ['meeting_id', 'participant_id'] }],
  },
  {
    table: 'triage_decisions',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['triage.decide'],
    readBy: CLINICAL_READERS,
    references: { decided_by: 'users', meeting_id: 'meetings', participant_id: 'participants' },
  },
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
      // Closing a case closes the plan in force, as a review's exit does.
      'participants.close',
    ],
    readBy: CLINICAL_READERS,
    references: {
      based_on_id: 'action_plans',
      checked_by_id: 'team_members',
      created_by: 'users',
      mdt_agreed_by: 'users',
      participant_id: 'participants',
      person_agreement_recorded_by: 'users',
    },
    unique: [{ columns: ['participant_id', 'version_number'] }, { columns: ['participant_id'], where: { status: 'draft' } }],
  },
  {
    table: 'action_updates',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['plans.updateActionStatus'],
    readBy: CLINICAL_READERS,
    references: { plan_id: 'action_plans', updated_by: 'users' },
  },
  {
    table: 'plan_reviews',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['plans.review'],
    readBy: CLINICAL_READERS,
    references: { plan_id: 'action_plans', reviewed_by: 'users' },
  },
  // How the current episode ended. Versioned, not append-only: starting a new episode moves the
  // exit onto the episode's row and removes it here (a compare-and-set on the row the laptop saw).
  {
    table: 'participant_exits',
    key: ['participant_id'],
    rule: 'versioned',
    writtenBy: ['plans.review', 'participants.close', 'referrals.accept', 'participants.register'],
    readBy: ALL_ROLES,
    references: { participant_id: 'participants', recorded_by: 'users' },
  },
  // The contact log (issue 20 item 5): each entry recorded once, never changed. Its outcomes are
  // clinical free text, so administrators' laptops are not sent it.
  {
    table: 'contact_log',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['contacts.add'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', recorded_by: 'users' },
  },
  // The letters produced to the GP and the referrer (issue 20 item 8): the record's "letters sent"
  // list, so the team on every laptop sees what went. Never changed; read by the MDT who produce them.
  {
    table: 'letters_sent',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['documents.letterPdf'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', sent_by: 'users' },
  },
  {
    table: 'workplace_adjustments',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['adjustments.save', 'adjustments.signAhpReport'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', plan_id: 'action_plans', saved_by: 'users' },
    unique: [{ columns: ['participant_id', 'version'] }],
  },
  // Signing an AHP report is a compare-and-set: one signature per version.
  {
    table: 'ahp_reports',
    key: ['id'],
    rule: 'versioned',
    writtenBy: ['adjustments.saveAhpReport', 'adjustments.signAhpReport'],
    readBy: CLINICAL_READERS,
    // A draft report is its author's until signed, as a discipline draft is. The server still judges
    // "one draft per person" against every draft, so a second practitioner's draft is refused, not forked.
    draft: { author: 'author_id', unsignedWhileNull: 'signed_at' },
    references: { author_id: 'users', participant_id: 'participants', signed_by: 'users' },
    unique: [{ columns: ['participant_id'], where: { status: 'draft' } }],
  },
  // The person's approval of their employer letter: recorded once, never changed (a new approval is a new row).
  {
    table: 'employer_letter_approvals',
    key: ['id'],
    rule: 'append-only',
    writtenBy: ['adjustments.approveEmployerLetter'],
    readBy: CLINICAL_READERS,
    references: { participant_id: 'participants', adjustments_id: 'workplace_adjustments', recorded_by: 'users' },
  },
];

/**
 * Channels whose changes reach the server through its administrator routes rather than the outbox
 * (services/sync/user-changes.ts): adding a user carries their keyring slot, which lives in the
 * keyring file, not the store, and the call's input holds a first passphrase that must never
 * leave the laptop. Their captured rows are never queued.
 */
export const SENT_BY_ADMIN_ROUTES: readonly Channel[] = ['users.add', 'users.revoke', 'users.changeRole'];

const BY_NAME: ReadonlyMap<string, SyncedTable> = new Map(SYNCED_TABLES.map((entry) => [entry.table, entry]));

/** The catalogue entry of a table, or undefined when it does not sync. */
export function syncedTable(table: string): SyncedTable | undefined {
  return BY_NAME.get(table);
}

/** Who is reading: the role the SERVER holds for them, and who they are (for their own drafts). */
export interface SyncReader {
  readonly role: Role;
  readonly userId: string;
}

/**
 * True when `reader` may receive this row of `entry` (a deletion, `row` null, names only a key):
 * its table is one their role reads, and a draft only when they wrote it. The server's pull
 * (server/sync-pull.ts) and its row-level security (server migration 008) say the same in SQL.
 */
export function mayReadRow(entry: SyncedTable, row: Readonly<Record<string, unknown>> | null, reader: SyncReader): boolean {
  if (!entry.readBy.includes(reader.role)) return false;
  if (entry.draft === undefined || row === null) return true;
  const unsigned = row[entry.draft.unsignedWhileNull];
  return (unsigned !== null && unsigned !== undefined) || row[entry.draft.author] === reader.userId;
}

/**
 * What a reader's pulls depend on: the same text for two readers means they receive the same rows.
 * A role that reads drafts receives its own, so its user is part of it. The server compares it per
 * laptop to know when a laptop's cursor was moved by someone who received other rows (a shared
 * laptop, a changed role), and serves the difference again (server/pull-reader.ts).
 */
export function readerClass(reader: SyncReader): string {
  const readsDrafts = SYNCED_TABLES.some((entry) => entry.draft !== undefined && entry.readBy.includes(reader.role));
  return readsDrafts ? `${reader.role}:${reader.userId}` : reader.role;
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
