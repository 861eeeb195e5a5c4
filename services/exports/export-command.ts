import { readFile } from 'node:fs/promises';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import { storePaths } from '../../db/store-paths';
import { onlyUsername } from '../session/store-commands';
import { unlockStore } from '../session/unlock-store';
import { cleanUpUnfinishedFiles } from '../unfinished-files';
import { exportDestinations, type ExportDestinations } from './export-settings';
import { runFhirExport, type FhirExportReport } from './fhir-export';

export interface ExportCommandOptions {
  readonly dataDir: string;
  readonly username?: string | undefined;
  readonly passphrase: string;
  /** A folder to drop the file in, instead of the configured destinations. */
  readonly folder?: string | undefined;
  /** A FHIR base URL to POST to, instead of the configured destinations. */
  readonly url?: string | undefined;
  /** The bearer token's file (first line), for `url`. */
  readonly tokenFile?: string | undefined;
  readonly now: () => Date;
}

/** The bearer token: the first line of its file (never the command line, where `ps` shows it). */
export async function readTokenFile(file: string): Promise<string> {
  const line = (await readFile(file, 'utf8')).split(/\r?\n/)[0]?.trim() ?? '';
  if (line === '') throw new Error(`The token file ${file} is empty.`);
  return line;
}

/**
 * `workwell-mdt export` (the nightly job): unlocks as a user, runs the partnership export to the
 * folder or URL given, or else to the destinations an administrator configured, and closes. The
 * token comes from a file, never the command line. Recorded in the export log like any export.
 */
export async function exportCommand(options: ExportCommandOptions): Promise<FhirExportReport> {
  const paths = storePaths(options.dataDir);
  const unlocked = await unlockStore(paths, options.username ?? (await onlyUsername(paths.keyring)), options.passphrase);
  unlocked.dataKey.fill(0);
  try {
    // A nightly job killed last night left a hidden partial file: removed, and logged as failed.
    await cleanUpUnfinishedFiles(unlocked.store, options.now());
    const given = options.folder !== undefined || options.url !== undefined;
    const destinations: ExportDestinations = given
      ? {
          folder: options.folder ?? null,
          baseUrl: options.url ?? null,
          token: options.tokenFile === undefined ? null : await readTokenFile(options.tokenFile),
        }
      : exportDestinations(unlocked.store);
    const { now } = options;
    const report = await runFhirExport(unlocked.store, unlocked.user, destinations, { now });
    // The audit trail records the export as if it came through the app's channel (ids only).
    const { user } = unlocked;
    appendAuditEntry(unlocked.store, {
      at: now().toISOString(),
      userId: user.userId,
      username: user.username,
      action: 'export',
      channel: 'exports.startFhir',
      participantId: null,
      subjectJson: JSON.stringify({ via: 'cli' }),
      outcome: 'ok',
    });
    return report;
  } finally {
    await unlocked.store.close();
  }
}
