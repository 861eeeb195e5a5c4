import { londonDateOf } from '../../core/clock';
import { AppError } from '../../core/app-error';
import { participantBundle } from '../../core/fhir/fhir-bundle';
import type { ExportProgress } from '../../core/schemas/fhir-export';
import type { ExportOutcome, ExportSubjectOutcome } from '../../core/schemas/export-log';
import type { SignedInUser } from '../../core/schemas/session';
import { countAllParticipants } from '../../db/repositories/fhir-export-repository';
import { forgetUnfinishedFiles, recordUnfinishedFiles } from '../../db/repositories/unfinished-file-repository';
import type { Store } from '../../db/store';
import { recordExport, type ExportRecord } from './export-log';
import type { ExportDestinations } from './export-settings';
import { exportCandidateBatches } from './fhir-export-data';
import { FhirPoster, type RetryPolicy } from './fhir-poster';
import { FolderDrop } from './folder-drop';

export interface FhirExportOptions {
  readonly now: () => Date;
  /** Stops the export between people; a folder drop then leaves nothing behind. */
  readonly signal?: AbortSignal;
  /** Told the counts after every person (cheap: the caller keeps the latest). */
  readonly onProgress?: (progress: ExportProgress) => void;
  /** People read from the store at a time (default 200). */
  readonly batchSize?: number;
  readonly retry?: RetryPolicy;
  /**
   * People in a row the FHIR server may fail (each after its retries) before the export stops
   * (default 5): a server that is down answers every request with an error, and trying everyone
   * would run for hours. Bundles are PUTs with stable ids, so the next run sends everyone again.
   */
  readonly maxConsecutiveFailures?: number;
}

/** The circuit breaker's default: five people in a row. */
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 5;

/** One person's result at one destination. */
export interface SubjectResult {
  readonly participantId: string;
  readonly reference: string;
  readonly outcome: ExportSubjectOutcome;
  readonly reason?: string;
}

export interface FhirExportReport {
  readonly outcome: ExportOutcome;
  readonly progress: ExportProgress;
  /** The file written in the folder (no path), when there was a folder. */
  readonly fileName: string | null;
  /** People skipped or failed, with the reason (the included ones are in the export log). */
  readonly problems: readonly SubjectResult[];
  /** The export log entries written, one per destination. */
  readonly logEntryIds: readonly string[];
  /** Why the export stopped before the end (the server failed too many people in a row), or null. */
  readonly stopReason: string | null;
}

/** The file name for an export started at `at`: sortable, no personal data. */
export function exportFileName(at: Date): string {
  return `workwell-fhir-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.ndjson`;
}

/**
 * Opens the folder drop, numbering the name if an export in the same second already used it. The
 * hidden `.partial` file is listed as unfinished in the store before it is created, so if this
 * process is killed the next unlock removes it and logs the export as failed (unfinished-files.ts).
 */
function openDrop(store: Store, user: SignedInUser, folder: string, fileName: string, startedAt: Date): FolderDrop {
  for (let attempt = 1; attempt <= 50; attempt += 1) {
    const name = attempt === 1 ? fileName : fileName.replace(/\.ndjson$/, `-${attempt}.ndjson`);
    const partial = FolderDrop.temporaryPathFor(folder, name);
    recordUnfinishedFiles(store, [
      {
        path: partial,
        kind: 'fhir_export',
        destination: name,
        userId: user.userId,
        username: user.username,
        startedAt: startedAt.toISOString(),
      },
    ]);
    try {
      return new FolderDrop(folder, name);
    } catch (error) {
      forgetUnfinishedFiles(store, [partial]);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') break;
    }
  }
  throw new AppError('VALIDATION', 'The export folder cannot be written to. Check that it exists and this computer may write there.');
}

/** Yields to the event loop so progress and cancel requests are answered while the export runs. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Exports everyone who consented to sharing with the partnership system as FHIR R4 transaction
 * Bundles (one per person; PUTs with stable ids, so re-exporting updates). Destinations:
 * - a folder: one NDJSON file, a Bundle per line, written under a temporary name and renamed
 *   when complete (cancelled or failed: the temporary file is removed, nothing half-written);
 * - a FHIR base URL: each Bundle POSTed with the bearer token, retried with backoff, and the
 *   outcome kept per person.
 * People are read a batch at a time, so memory stays flat whatever the caseload. Every
 * destination's export is recorded in the export log with per-person outcomes.
 */
export async function runFhirExport(
  store: Store,
  user: SignedInUser,
  destinations: ExportDestinations,
  options: FhirExportOptions,
): Promise<FhirExportReport> {
  if (destinations.folder === null && destinations.baseUrl === null) {
    throw new AppError(
      'VALIDATION',
      'No destination is set up for the partnership export. An administrator sets the folder or FHIR address first.',
    );
  }
  const startedAt = options.now();
  const drop = destinations.folder === null ? null : openDrop(store, user, destinations.folder, exportFileName(startedAt), startedAt);
  const fileName = drop?.fileName ?? null;
  const poster = destinations.baseUrl === null ? null : new FhirPoster(destinations.baseUrl, destinations.token, options.retry);
  const progress = { total: countAllParticipants(store), processed: 0, included: 0, skipped: 0, failed: 0 };
  const folderSubjects: SubjectResult[] = [];
  const urlSubjects: SubjectResult[] = [];
  let stoppedBy: 'cancelled' | 'error' | 'circuit' | null = null;
  let stopReason: string | null = null;
  const maxConsecutiveFailures = options.maxConsecutiveFailures ?? DEFAULT_MAX_CONSECUTIVE_FAILURES;
  let consecutiveFailures = 0;
  try {
    for (const batch of exportCandidateBatches(store, options.batchSize ?? 200, londonDateOf(startedAt))) {
      for (const candidate of batch) {
        if (options.signal?.aborted === true) {
          stoppedBy = 'cancelled';
          break;
        }
        const base = { participantId: candidate.participantId, reference: candidate.reference };
        if (!candidate.include) {
          const skipped = { ...base, outcome: 'skipped' as const, reason: candidate.reason };
          if (drop !== null) folderSubjects.push(skipped);
          if (poster !== null) urlSubjects.push(skipped);
          progress.skipped += 1;
        } else {
          const json = JSON.stringify(participantBundle(candidate.data));
          let delivered = true;
          if (drop !== null) {
            drop.write(`${json}\n`);
            folderSubjects.push({ ...base, outcome: 'included' });
          }
          if (poster !== null) {
            const sent = await poster.post(json, options.signal);
            if (sent.ok) {
              urlSubjects.push({ ...base, outcome: 'included' });
              consecutiveFailures = 0;
            } else {
              urlSubjects.push({ ...base, outcome: 'failed', reason: sent.reason });
              delivered = false;
              consecutiveFailures += 1;
            }
          }
          if (delivered) progress.included += 1;
          else progress.failed += 1;
        }
        progress.processed += 1;
        options.onProgress?.({ ...progress });
        if (consecutiveFailures >= maxConsecutiveFailures) {
          stoppedBy = 'circuit';
          stopReason = `The partnership system failed ${consecutiveFailures} people in a row, so the export stopped after ${progress.processed.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')}. Check the system is up; the next run sends everyone again.`;
          break;
        }
      }
      if (stoppedBy !== null) break;
      await breathe();
    }
  } catch (error) {
    stoppedBy = 'error';
    drop?.abort();
    record(store, user, options.now(), { drop, fileName, poster, destinations, folderSubjects, urlSubjects, stoppedBy });
    throw error;
  }
  const logEntryIds = record(store, user, options.now(), { drop, fileName, poster, destinations, folderSubjects, urlSubjects, stoppedBy });
  const problems = [...(poster !== null ? urlSubjects : folderSubjects)].filter((subject) => subject.outcome !== 'included');
  const outcome: ExportOutcome =
    stoppedBy === 'cancelled'
      ? 'cancelled'
      : stoppedBy === 'circuit' || (progress.failed > 0 && progress.included === 0)
        ? 'failed'
        : 'delivered';
  return { outcome, progress: { ...progress }, fileName: stoppedBy === null ? fileName : null, problems, logEntryIds, stopReason };
}

interface RecordArguments {
  readonly drop: FolderDrop | null;
  readonly fileName: string | null;
  readonly poster: FhirPoster | null;
  readonly destinations: ExportDestinations;
  readonly folderSubjects: readonly SubjectResult[];
  readonly urlSubjects: readonly SubjectResult[];
  readonly stoppedBy: 'cancelled' | 'error' | 'circuit' | null;
}

/** Commits or aborts the folder drop and writes one export-log entry per destination. */
function record(store: Store, user: SignedInUser, now: Date, args: RecordArguments): string[] {
  const ids: string[] = [];
  const subjectsOf = (subjects: readonly SubjectResult[]) =>
    subjects.map(({ participantId, outcome, reason }) => ({ participantId, outcome, ...(reason === undefined ? {} : { reason }) }));
  if (args.drop !== null && args.fileName !== null) {
    const delivered = args.stoppedBy === null;
    // Delivered: the file gets its real name. Otherwise nothing reached the folder: the log says
    // so, and names no one as included.
    let content: ExportRecord['content'] = '';
    if (delivered) content = args.drop.commit();
    else args.drop.abort();
    const subjects = delivered ? args.folderSubjects : args.folderSubjects.filter((subject) => subject.outcome === 'skipped');
    const outcome: ExportOutcome = delivered ? 'delivered' : args.stoppedBy === 'cancelled' ? 'cancelled' : 'failed';
    const destination = args.fileName;
    // The log entry and forgetting the partial file are one commit (see unfinished-files.ts).
    forgetUnfinishedFiles(store, [args.drop.temporaryPath], () =>
      ids.push(recordExport(store, { user, kind: 'fhir_bundle', destination, content, outcome, subjects: subjectsOf(subjects) }, now)),
    );
  }
  if (args.poster !== null && args.destinations.baseUrl !== null) {
    const included = args.urlSubjects.filter((subject) => subject.outcome === 'included').length;
    const failed = args.urlSubjects.filter((subject) => subject.outcome === 'failed').length;
    const outcome: ExportOutcome =
      args.stoppedBy === 'cancelled'
        ? 'cancelled'
        : args.stoppedBy === 'error' || args.stoppedBy === 'circuit' || (failed > 0 && included === 0)
          ? 'failed'
          : 'delivered';
    ids.push(
      recordExport(
        store,
        {
          user,
          kind: 'fhir_bundle',
          destination: args.destinations.baseUrl,
          content: args.poster.digest(),
          outcome,
          subjects: subjectsOf(args.urlSubjects),
        },
        now,
      ),
    );
  }
  return ids;
}
