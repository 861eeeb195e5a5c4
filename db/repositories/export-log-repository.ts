import type { Kysely } from 'kysely';
import type { ExportKind, ExportOutcome, ExportSubjectOutcome } from '../../core/schemas/export-log';
import type { Database } from '../schema';
import type { Store } from '../store';

export interface NewExportLogEntry {
  readonly id: string;
  readonly at: string;
  readonly userId: string;
  readonly username: string;
  readonly kind: ExportKind;
  readonly destination: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly outcome: ExportOutcome;
  readonly subjects: ReadonlyArray<{ readonly participantId: string; readonly outcome: ExportSubjectOutcome; readonly reason?: string }>;
}

/**
 * Writes one export and its people in one transaction. Synchronous (raw statements) so a bulk
 * export of thousands of people costs one prepared insert per person, not a Kysely round trip each.
 */
export function appendExportLogEntry(store: Pick<Store, 'sqlite'>, entry: NewExportLogEntry): void {
  const { sqlite } = store;
  const count = (outcome: ExportSubjectOutcome) => entry.subjects.filter((subject) => subject.outcome === outcome).length;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO export_log (id, at, user_id, username, kind, destination, sha256, bytes, outcome, included, skipped, failed)
         VALUES (@id, @at, @userId, @username, @kind, @destination, @sha256, @bytes, @outcome, @included, @skipped, @failed)`,
      )
      .run({
        id: entry.id,
        at: entry.at,
        userId: entry.userId,
        username: entry.username,
        kind: entry.kind,
        destination: entry.destination,
        sha256: entry.sha256,
        bytes: entry.bytes,
        outcome: entry.outcome,
        included: count('included'),
        skipped: count('skipped'),
        failed: count('failed'),
      });
    const insertSubject = sqlite.prepare(
      'INSERT INTO export_log_subjects (export_id, participant_id, outcome, reason) VALUES (?, ?, ?, ?)',
    );
    for (const subject of entry.subjects) insertSubject.run(entry.id, subject.participantId, subject.outcome, subject.reason ?? '');
  })();
}

export interface ExportLogQuery {
  readonly participantId?: string | undefined;
  readonly kind?: ExportKind | undefined;
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

/** Newest first; one more row than asked for tells the caller whether there is an older page. */
export async function listExportLogRows(db: Kysely<Database>, query: ExportLogQuery) {
  let select = db
    .selectFrom('export_log')
    .select(['seq', 'id', 'at', 'username', 'kind', 'destination', 'sha256', 'bytes', 'outcome', 'included', 'skipped', 'failed'])
    .orderBy('seq', 'desc')
    .limit(query.limit + 1);
  if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  if (query.participantId !== undefined) {
    const participantId = query.participantId;
    select = select.where('id', 'in', (sub) =>
      sub.selectFrom('export_log_subjects').select('export_id').where('participant_id', '=', participantId),
    );
  }
  return select.execute();
}

/** The reference of the one person an export concerned, for exports of a single person. */
export async function singleSubjectReferences(db: Kysely<Database>, exportIds: readonly string[]): Promise<Map<string, string>> {
  if (exportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('export_log_subjects')
    .innerJoin('participants', 'participants.id', 'export_log_subjects.participant_id')
    .select(['export_log_subjects.export_id', 'participants.reference'])
    .where('export_log_subjects.export_id', 'in', exportIds)
    .execute();
  const byExport = new Map<string, string[]>();
  for (const row of rows) byExport.set(row.export_id, [...(byExport.get(row.export_id) ?? []), row.reference]);
  return new Map(
    [...byExport].filter(([, references]) => references.length === 1).map(([id, references]) => [id, references[0] as string]),
  );
}

/** One export log entry with every person's outcome, as written: for copying a run's record elsewhere. */
export interface ExportLogEntryRow {
  readonly id: string;
  readonly at: string;
  readonly kind: ExportKind;
  readonly destination: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly outcome: ExportOutcome;
  readonly subjects: ReadonlyArray<{ readonly participantId: string; readonly outcome: ExportSubjectOutcome; readonly reason: string }>;
}

/** The entries with these ids, in the order given, each with its people (by id, in id order). */
export function readExportLogEntries(store: Pick<Store, 'sqlite'>, ids: readonly string[]): ExportLogEntryRow[] {
  const entry = store.sqlite.prepare('SELECT id, at, kind, destination, sha256, bytes, outcome FROM export_log WHERE id = ?');
  const subjects = store.sqlite.prepare(
    'SELECT participant_id AS participantId, outcome, reason FROM export_log_subjects WHERE export_id = ? ORDER BY participant_id',
  );
  return ids.flatMap((id) => {
    const row = entry.get(id) as Omit<ExportLogEntryRow, 'subjects'> | undefined;
    return row === undefined ? [] : [{ ...row, subjects: subjects.all(id) as ExportLogEntryRow['subjects'] }];
  });
}
