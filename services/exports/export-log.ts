import { createHash, randomUUID } from 'node:crypto';
import type { ExportKind, ExportLogPage, ExportOutcome, ExportSubjectOutcome } from '../../core/schemas/export-log';
import type { SignedInUser } from '../../core/schemas/session';
import {
  appendExportLogEntry,
  listExportLogRows,
  readExportLogEntries,
  singleSubjectReferences,
  type ExportLogEntryRow,
  type ExportLogQuery,
} from '../../db/repositories/export-log-repository';
import type { Store } from '../../db/store';

/** What an export reports about itself once its bytes have gone (or failed to). */
export interface ExportRecord {
  readonly user: SignedInUser;
  readonly kind: ExportKind;
  /** A file name without its folder, or a FHIR base URL: never a path that could hold a name. */
  readonly destination: string;
  /** Exactly the bytes that left, or their SHA-256 (hex) when they were hashed while streaming. */
  readonly content: Uint8Array | string | { readonly sha256: string; readonly bytes: number };
  readonly outcome: ExportOutcome;
  readonly subjects: ReadonlyArray<{ readonly participantId: string; readonly outcome: ExportSubjectOutcome; readonly reason?: string }>;
}

/** The SHA-256 (hex) of some content, as the export log records it. */
export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

function digestOf(content: ExportRecord['content']): { sha256: string; bytes: number } {
  if (typeof content === 'string') return { sha256: sha256Hex(content), bytes: Buffer.byteLength(content) };
  if (content instanceof Uint8Array) return { sha256: sha256Hex(content), bytes: content.byteLength };
  return content;
}

/**
 * Writes who exported what, for whom, to where and when, with the content's SHA-256, to the
 * append-only export log. Every export path calls this, delivered or not. Returns the entry's id.
 */
export function recordExport(store: Store, record: ExportRecord, now: Date): string {
  const id = randomUUID();
  const { sha256, bytes } = digestOf(record.content);
  appendExportLogEntry(store, {
    id,
    at: now.toISOString(),
    userId: record.user.userId,
    username: record.user.username,
    kind: record.kind,
    destination: record.destination,
    sha256,
    bytes,
    outcome: record.outcome,
    subjects: record.subjects,
  });
  return id;
}

/**
 * The entries an export wrote (its report's `logEntryIds`), with each person's outcome: what the
 * partnership server copies into its own log after running an export on a transient store.
 */
export function exportLogEntries(store: Store, ids: readonly string[]): ExportLogEntryRow[] {
  return readExportLogEntries(store, ids);
}

/** The export log for the UI, newest first, with a person's reference where an export concerned one person. */
export async function listExportLog(store: Store, query: ExportLogQuery): Promise<ExportLogPage> {
  const rows = await listExportLogRows(store.db, query);
  const page = rows.slice(0, query.limit);
  const references = await singleSubjectReferences(
    store.db,
    page.map((row) => row.id),
  );
  return {
    entries: page.map((row) => ({
      seq: row.seq,
      id: row.id,
      at: row.at,
      username: row.username,
      kind: row.kind as ExportKind,
      destination: row.destination,
      sha256: row.sha256,
      bytes: row.bytes,
      outcome: row.outcome as ExportOutcome,
      included: row.included,
      skipped: row.skipped,
      failed: row.failed,
      participantReference: references.get(row.id) ?? null,
    })),
    nextBeforeSeq: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
