import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import { baseUrlSchema, reportingMonthSchema } from '../core/schemas/fhir-export';
import type { SignedInUser } from '../core/schemas/session';
import { readTokenFile } from '../services/exports/export-command';
import { exportLogEntries, listExportLog, sha256Hex } from '../services/exports/export-log';
import { exportFileName, runFhirExport, type FhirExportReport } from '../services/exports/fhir-export';
import type { RetryPolicy } from '../services/exports/fhir-poster';
import { FolderDrop } from '../services/exports/folder-drop';
import { buildMiReturn } from '../services/exports/mi-return';
import { withTransientStore } from '../services/sync/transient-store';
import { migrateServerToLatest } from '../server/migrate-server';
import { choosePartnership, partnershipRowPages } from '../server/partnership-rows';
import { createServerDatabase, postgresErrorCode } from '../server/server-database';
import { recordServerExports, type ServerExportEntry } from '../server/server-export-log';
import { ServerError } from '../server/server-error';
import { printExportReport } from './export-report';
import { checkedDatabaseUrl } from './server-command';
import { miReturnCountText } from '../core/exports/mi-return-count';

/**
 * Who the exports on the transient store are recorded as. No person runs them: the server's own
 * log (server_export_log) is the record, and the transient store with its log is destroyed after.
 */
const SERVER_EXPORT_USER: SignedInUser = {
  userId: 'partnership-server',
  username: 'partnership-server',
  displayName: 'Partnership server',
  role: 'administrator',
};

interface ServerJobOptions {
  readonly databaseUrl: string | undefined;
  /** The partnership's id; needed only when the server holds several. */
  readonly partnership?: string | undefined;
  readonly clock: Clock;
  /** Where the transient store's private folder is made (default: the system's temporary folder). */
  readonly tempRoot?: string | undefined;
  /** Rows read from PostgreSQL at a time (default 1,000; tests make pages small to cross their edges). */
  readonly rowsPerPage?: number | undefined;
}

export interface ServerExportOptions extends ServerJobOptions {
  readonly folder?: string | undefined;
  readonly fhirServer?: string | undefined;
  readonly tokenFile?: string | undefined;
  /** The FHIR server's retry policy (tests shorten it; the command uses the laptop's default). */
  readonly retry?: RetryPolicy | undefined;
}

export interface ServerMiReturnOptions extends ServerJobOptions {
  readonly month: string | undefined;
  readonly out: string | undefined;
}

const EXPORT_USAGE =
  'Usage: workwell-mdt server export --database-url URL (--folder DIR | --fhir-server URL [--token-file FILE]) [--partnership ID]';
const MI_RETURN_USAGE = 'Usage: workwell-mdt server mi-return --database-url URL --month YYYY-MM --out FILE [--partnership ID]';

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** SQLite's result codes (`SQLITE_CONSTRAINT_FOREIGNKEY`): a code, never data. */
const SQLITE_CODE = /^SQLITE_[A-Z_]{1,40}$/;

/** An error's code for the log: a typed error's own code, SQLite's or PostgreSQL's code, else "Error". Never its message. */
function errorCode(error: unknown): string {
  if (isAppError(error) || error instanceof ServerError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SQLITE_CODE.test(code)) return code;
  return postgresErrorCode(error);
}

/**
 * Opens the server's database (migrated, so its export log exists), picks the partnership, and
 * runs `job` with it; the pool is closed after, whatever happens.
 */
async function onPartnership<T>(
  options: ServerJobOptions,
  job: (db: ReturnType<typeof createServerDatabase>, partnership: { id: string; name: string }) => Promise<T>,
): Promise<T> {
  const db = createServerDatabase(checkedDatabaseUrl(options.databaseUrl), { maxConnections: 2 });
  try {
    await migrateServerToLatest(db);
    return await job(db, await choosePartnership(db, options.partnership));
  } finally {
    await db.destroy();
  }
}

/** A run that threw: logged on the server as failed, with the error's code only, before the error goes on. */
function failedEntry(kind: ServerExportEntry['kind'], destination: string, at: Date, error: unknown): ServerExportEntry {
  return {
    id: randomUUID(),
    at,
    kind,
    destination,
    outcome: 'failed',
    sha256: sha256Hex(''),
    bytes: 0,
    reason: errorCode(error),
    subjects: [],
  };
}

/**
 * `workwell-mdt server export`: the partnership export (FHIR R4 bundles) for the whole partnership,
 * run on the server with no laptop. The server's current rows fill a transient store (see
 * services/sync/transient-store.ts for why), the laptop's own export service runs on it, and what
 * it logged is copied to the server's export log. Exit code 0: delivered; 3: some people could not
 * be delivered (listed by reference), including a FHIR server that failed so many in a row that
 * the circuit breaker stopped the export; bad arguments and errors throw (exit 1).
 */
export async function serverExportCommand(options: ServerExportOptions, out: (line: string) => void): Promise<number> {
  const { folder, fhirServer, tokenFile } = options;
  if ((folder === undefined) === (fhirServer === undefined))
    throw new Error(`server export needs one destination: --folder DIR or --fhir-server URL.\n${EXPORT_USAGE}`);
  if (folder !== undefined && !isDirectory(folder)) throw new Error(`The export folder ${folder} does not exist or is not a folder.`);
  if (fhirServer !== undefined && !baseUrlSchema.safeParse(fhirServer).success)
    throw new Error(`--fhir-server must start https:// (http:// only for this computer): ${fhirServer}`);
  if (tokenFile !== undefined && fhirServer === undefined) throw new Error('--token-file goes with --fhir-server.');
  const destinations = {
    folder: folder === undefined ? null : path.resolve(folder),
    baseUrl: fhirServer ?? null,
    token: tokenFile === undefined ? null : await readTokenFile(tokenFile),
  };
  return onPartnership(options, async (db, partnership) => {
    const startedAt = options.clock();
    let ran: { report: FhirExportReport; entries: ServerExportEntry[] };
    try {
      ran = await withTransientStore(
        partnershipRowPages(db, partnership.id, options.rowsPerPage),
        async (store) => {
          const report = await runFhirExport(store, SERVER_EXPORT_USER, destinations, { now: options.clock, retry: options.retry });
          const entries = exportLogEntries(store, report.logEntryIds).map((entry) => ({
            ...entry,
            at: new Date(entry.at),
            kind: 'fhir_bundle' as const,
            reason: entry.outcome === 'delivered' ? null : report.stopReason,
          }));
          return { report, entries };
        },
        { tempRoot: options.tempRoot },
      );
    } catch (error) {
      await recordServerExports(db, partnership.id, [
        failedEntry('fhir_bundle', destinations.baseUrl ?? exportFileName(startedAt), options.clock(), error),
      ]);
      throw error;
    }
    await recordServerExports(db, partnership.id, ran.entries);
    const code = printExportReport(ran.report, out);
    out(`Logged on the partnership server's export log for ${partnership.name} (${partnership.id}).`);
    return code;
  });
}

/**
 * `workwell-mdt server mi-return`: the management-information return for one month, for the whole
 * partnership, built by the laptop's own MI return on a transient store of the server's rows, and
 * written to `out` (never over an existing file; under a temporary name until complete). Logged
 * on the server. Exit code 0, or an error (exit 1).
 */
export async function serverMiReturnCommand(options: ServerMiReturnOptions, out: (line: string) => void): Promise<number> {
  const month = reportingMonthSchema.safeParse(options.month ?? '');
  if (options.month === undefined || !month.success)
    throw new Error(`server mi-return needs --month YYYY-MM (for example 2026-11).\n${MI_RETURN_USAGE}`);
  if (options.out === undefined) throw new Error(`server mi-return needs --out FILE.\n${MI_RETURN_USAGE}`);
  const target = path.resolve(options.out);
  if (!isDirectory(path.dirname(target))) throw new Error(`The folder of ${options.out} does not exist.`);
  // Checked before the work (minutes on a large partnership), and again by the drop when it is made.
  if (existsSync(target)) throw new Error(`${options.out} already exists: the MI return never overwrites a file.`);
  const fileName = path.basename(target);
  return onPartnership(options, async (db, partnership) => {
    let written: { rows: number; people: number; entry: ServerExportEntry };
    try {
      written = await withTransientStore(
        partnershipRowPages(db, partnership.id, options.rowsPerPage),
        async (store) => {
          const built = buildMiReturn(store, SERVER_EXPORT_USER, month.data, options.clock());
          const drop = new FolderDrop(path.dirname(target), fileName);
          try {
            drop.write(built.csv);
          } catch (error) {
            drop.abort();
            throw error;
          }
          drop.commit();
          const [logged] = (await listExportLog(store, { kind: 'mi_return', limit: 1 })).entries;
          const [entry] = exportLogEntries(store, logged === undefined ? [] : [logged.id]);
          if (entry === undefined) throw new Error('The MI return was not logged.');
          return {
            rows: built.rows,
            people: built.people,
            entry: { ...entry, at: new Date(entry.at), kind: 'mi_return' as const, destination: fileName, reason: null },
          };
        },
        { tempRoot: options.tempRoot },
      );
    } catch (error) {
      await recordServerExports(db, partnership.id, [failedEntry('mi_return', fileName, options.clock(), error)]);
      throw error;
    }
    await recordServerExports(db, partnership.id, [written.entry]);
    out(`MI return for ${month.data}: ${miReturnCountText(written)} on the caseload of ${partnership.name}, written to ${target}.`);
    return 0;
  });
}
