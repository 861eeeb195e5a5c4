import { readFile } from 'node:fs/promises';
import { appChannelRule, runAsUser } from '../session/cli-dispatch';
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
 * Only for the roles the app lets start an export (administrators and coordinators).
 */
export async function exportCommand(options: ExportCommandOptions): Promise<FhirExportReport> {
  // The app's rules for starting an export: its roles (a coach or clinician is refused), and an
  // audit entry as the user's, like an export from the Exports screen (ids only).
  return runAsUser(options, appChannelRule('exports.startFhir'), {}, async (_input, session) => {
    const { store, user } = session.require();
    // A nightly job killed last night left a hidden partial file: removed, and logged as failed.
    await cleanUpUnfinishedFiles(store, options.now());
    const given = options.folder !== undefined || options.url !== undefined;
    const destinations: ExportDestinations = given
      ? {
          folder: options.folder ?? null,
          baseUrl: options.url ?? null,
          token: options.tokenFile === undefined ? null : await readTokenFile(options.tokenFile),
        }
      : exportDestinations(store);
    return runFhirExport(store, user, destinations, { now: options.now });
  });
}
