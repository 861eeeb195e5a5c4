import { parseArgs } from 'node:util';
import { isAppError } from '../core/app-error';
import { withDataFolderLock } from '../services/data-folder-lock';
import { verifyStoreAudit } from '../services/audit/audit-commands';
import { backupStoreCommand, restoreStoreCommand } from '../services/security/backup-commands';
import { exportCommand } from '../services/exports/export-command';
import { miReturnCommand, MI_RETURN_COMMAND_USAGE } from '../services/exports/mi-return-command';
import { initStore } from '../services/session/store-commands';
import { seedCommand } from '../services/synthetic/seed-command';
import { importCommand } from '../services/referrals/import-command';
import { systemClock, type Clock } from '../core/clock';
import { runWithClock } from '../services/call-clock-scope';
import { reportAuditVerification } from './audit-verify-report';
import { printExportReport } from './export-report';
import { printImportReport } from './import-report';
import { readPassphrase } from './read-passphrase';
import { enrolCommand, syncCommand } from './sync-commands';
import { USAGE } from './usage';
import { miReturnCountText } from '../core/exports/mi-return-count';

function wholeNumber(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required`);
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`--${name} must be a whole number`);
  return number;
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  clock: Clock = systemClock,
): Promise<number> {
  return runWithClock(clock, () => runCommand(argv, out, clock));
}

async function runCommand(argv: readonly string[], out: (line: string) => void, clock: Clock): Promise<number> {
  const [command, ...rest] = argv;
  // `audit verify`, `server start`: the sub-command is a positional before the options.
  const options = command === 'audit' || command === 'server' ? rest.slice(1) : rest;
  const { values } = parseCliOptions(options);
  if (values.passphrase !== undefined) {
    throw new Error('Passphrases are never taken on the command line. Use --passphrase-file or WORKWELL_PASSPHRASE.');
  }
  // Each command on a data folder holds its lock for its duration: `restore` (or a seed, a backup)
  // is refused while the app, the host or another command has the folder open.
  const dataDir = values.store ?? values['from-store'];
  if (dataDir === undefined || command === undefined) return runLocked(command, rest, values, out, clock);
  return withDataFolderLock(dataDir, `cli ${command}`, clock(), () => runLocked(command, rest, values, out, clock));
}

type CliValues = ReturnType<typeof parseCliOptions>['values'];

async function runLocked(
  command: string | undefined,
  rest: readonly string[],
  values: CliValues,
  out: (line: string) => void,
  clock: Clock,
): Promise<number> {
  switch (command) {
    case 'init': {
      if (values.store === undefined || values.admin === undefined) throw new Error('init needs --store and --admin');
      const partnership =
        values.icb !== undefined
          ? { kind: 'pilot' as const, icbCode: values.icb }
          : { kind: 'custom' as const, name: values.partnership ?? '' };
      const result = await initStore({
        dataDir: values.store,
        partnership,
        admin: {
          username: values.admin,
          displayName: values.name ?? values.admin,
          passphrase: await readPassphrase(values['passphrase-file']),
        },
        synthetic: values.synthetic === true,
        now: clock(),
      });
      out(
        `Created ${result.partnershipName} in ${values.store} with administrator ${result.username}.${values.synthetic === true ? ' It is a synthetic store: for made-up people only (seed).' : ''}`,
      );
      out(`Recovery key (shown only now; write it down and keep it away from this computer): ${result.recoveryKey}`);
      return 0;
    }
    case 'seed': {
      if (values.store === undefined) throw new Error('seed needs --store');
      const participants = wholeNumber(values.participants, 'participants');
      const result = await seedCommand({
        dataDir: values.store,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        participants,
        seed: wholeNumber(values.seed, 'seed', 1),
        now: clock(),
      });
      out(
        `Added ${participants.toLocaleString('en-GB')} synthetic participants with their case histories in ${result.seconds.toFixed(1)} s.`,
      );
      return 0;
    }
    case 'audit': {
      if (rest[0] !== 'verify' || values.store === undefined)
        throw new Error('Usage: workwell-mdt audit verify --store DIR [--user USERNAME]');
      const result = await verifyStoreAudit({
        dataDir: values.store,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        now: clock,
      });
      return reportAuditVerification(result, out);
    }
    case 'backup': {
      if (values.store === undefined || values.out === undefined) throw new Error('backup needs --store and --out');
      const made = await backupStoreCommand({
        dataDir: values.store,
        out: values.out,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        now: clock(),
      });
      out(
        `Backup written to ${made.file} (${made.bytes.toLocaleString('en-GB')} bytes). Keep it somewhere safe: it opens with the same passphrases as the store.`,
      );
      return 0;
    }
    case 'restore': {
      if (values.store === undefined || values.from === undefined || values.user === undefined)
        throw new Error('restore needs --store, --from and --user');
      const restored = await restoreStoreCommand({
        dataDir: values.store,
        from: values.from,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        confirmPartnership: values['confirm-partnership'],
        now: clock(),
      });
      out(
        `Backup checked and restored into ${values.store}.${restored.replacedInto === null ? '' : ` The store it replaced was moved to ${restored.replacedInto}.`}`,
      );
      return 0;
    }
    case 'export': {
      if (values.store === undefined) throw new Error('export needs --store');
      if (values.url !== undefined && values['token-file'] === undefined)
        throw new Error('export --url needs --token-file (the token is never taken on the command line)');
      const report = await exportCommand({
        dataDir: values.store,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        folder: values.folder,
        url: values.url,
        tokenFile: values['token-file'],
        now: clock,
      });
      return printExportReport(report, out);
    }
    case 'mi-return': {
      if (values.store === undefined) throw new Error(`mi-return needs --store.\n${MI_RETURN_COMMAND_USAGE}`);
      const written = await miReturnCommand({
        dataDir: values.store,
        month: values.month,
        out: values.out,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        now: clock,
      });
      out(`MI return for ${values.month}: ${miReturnCountText(written)} on the caseload, written to ${written.file}.`);
      return 0;
    }
    case 'server': {
      if (rest[0] === 'init') {
        if (values['from-store'] === undefined || values.user === undefined) {
          throw new Error(
            'Usage: workwell-mdt server init --database-url URL --from-store DIR --user ADMIN [--server URL] [--passphrase-file FILE]',
          );
        }
        const { checkedDatabaseUrl } = await import('./server-command');
        const { initServerFromStore } = await import('./server-init');
        const result = await initServerFromStore({
          databaseUrl: checkedDatabaseUrl(values['database-url']),
          dataDir: values['from-store'],
          username: values.user,
          passphrase: await readPassphrase(values['passphrase-file']),
          serverUrl: values.server ?? '',
          clock,
        });
        out(
          `Put ${result.records.toLocaleString('en-GB')} records and ${result.users} users on the server; ${values['from-store']} is its first laptop.`,
        );
        if (values.server === undefined)
          out('No --server address was given: the store records none yet, so it cannot sync until it is set.');
        return 0;
      }
      if (rest[0] === 'referrer-token') {
        const { serverReferrerTokenCommand } = await import('./server-referrer-token');
        return serverReferrerTokenCommand(
          {
            databaseUrl: values['database-url'],
            partnership: values.partnership,
            name: values.name,
            revoke: values.revoke,
            list: values.list,
            clock,
          },
          out,
        );
      }
      if (rest[0] === 'audit-verify') {
        const { serverAuditVerifyCommand } = await import('./server-audit-verify');
        return serverAuditVerifyCommand(values['database-url'], out);
      }
      if (rest[0] === 'export' || rest[0] === 'mi-return') {
        // Loaded only for these: the laptop's commands run without PostgreSQL's driver.
        const { serverExportCommand, serverMiReturnCommand } = await import('./server-export');
        const job = { databaseUrl: values['database-url'], partnership: values.partnership, clock };
        if (rest[0] === 'mi-return') return serverMiReturnCommand({ ...job, month: values.month, out: values.out }, out);
        return serverExportCommand(
          { ...job, folder: values.folder, fhirServer: values['fhir-server'], tokenFile: values['token-file'] },
          out,
        );
      }
      if (rest[0] !== 'start')
        throw new Error('Usage: workwell-mdt server start --database-url URL --listen HOST:PORT [--tls-key FILE --tls-cert FILE]');
      // Loaded only for this command: the other commands run without PostgreSQL's driver (`pg`).
      const { serverStartCommand } = await import('./server-command');
      return serverStartCommand(
        { databaseUrl: values['database-url'], listen: values.listen, tlsKey: values['tls-key'], tlsCert: values['tls-cert'] },
        out,
      );
    }
    case 'enrol': {
      if (values.store === undefined || values.server === undefined || values.user === undefined)
        throw new Error('enrol needs --store, --server and --user');
      return enrolCommand(
        {
          dataDir: values.store,
          serverUrl: values.server,
          username: values.user,
          passphrase: await readPassphrase(values['passphrase-file']),
          clock,
        },
        out,
      );
    }
    case 'sync': {
      if (values.store === undefined || values.user === undefined) throw new Error('sync needs --store and --user');
      return syncCommand(
        { dataDir: values.store, username: values.user, passphrase: await readPassphrase(values['passphrase-file']), clock },
        out,
      );
    }
    case 'import': {
      const format = values.fhir !== undefined ? 'fhir' : 'csv';
      const file = values.fhir ?? values.csv;
      if (
        values.store === undefined ||
        values.user === undefined ||
        file === undefined ||
        (values.fhir !== undefined && values.csv !== undefined)
      )
        throw new Error('Usage: workwell-mdt import --store DIR --user USERNAME (--fhir FILE | --csv FILE) [--passphrase-file F]');
      const report = await importCommand({
        dataDir: values.store,
        username: values.user,
        passphrase: await readPassphrase(values['passphrase-file']),
        format,
        file,
        now: clock,
      });
      return printImportReport(format, report, out);
    }
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return 0;
    default:
      throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

/** Human messages for typed errors, including field-level ones. */
export function describeCliError(error: unknown): string {
  if (isAppError(error)) {
    const fields = Object.entries(error.fields ?? {}).map(([field, message]) => `  ${field}: ${message}`);
    return [error.message, ...fields].join('\n');
  }
  return error instanceof Error ? error.message : 'The command failed.';
}

function parseCliOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      store: { type: 'string' },
      admin: { type: 'string' },
      name: { type: 'string' },
      icb: { type: 'string' },
      partnership: { type: 'string' },
      'passphrase-file': { type: 'string' },
      participants: { type: 'string' },
      seed: { type: 'string' },
      user: { type: 'string' },
      passphrase: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      folder: { type: 'string' },
      url: { type: 'string' },
      'token-file': { type: 'string' },
      'database-url': { type: 'string' },
      listen: { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'from-store': { type: 'string' },
      server: { type: 'string' },
      'fhir-server': { type: 'string' },
      month: { type: 'string' },
      synthetic: { type: 'boolean' },
      'confirm-partnership': { type: 'string' },
      fhir: { type: 'string' },
      csv: { type: 'string' },
      revoke: { type: 'string' },
      list: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
}
