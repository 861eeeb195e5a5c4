import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCliError, runCli } from '../../../cli/main';
import { initServerFromStore } from '../../../cli/server-init';
import { serverExportCommand, serverMiReturnCommand } from '../../../cli/server-export';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { MI_RETURN_COLUMNS } from '../../../core/exports/mi-return-columns';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { storePaths } from '../../../db/store-paths';
import { sha256Hex } from '../../../services/exports/export-log';
import { runFhirExport } from '../../../services/exports/fhir-export';
import { buildMiReturn } from '../../../services/exports/mi-return';
import { unlockStore } from '../../../services/session/unlock-store';
import { withTransientStore } from '../../../services/sync/transient-store';
import { partnershipRowPages } from '../../../server/partnership-rows';
import { createServerDatabase } from '../../../server/server-database';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { makeExportReady, registerAnother } from '../../support/export-ready-person';
import { miReturnRows } from '../../support/mi-return-rows';
import { freshServerDatabase } from '../../support/postgres';
import { referralCsv, referralCsvRow } from '../../support/referral-files';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { tempDir } from '../../support/temp-dir';
import { testReferral } from '../../support/test-referral';
import { TEST_TODAY, testClock, testDate } from '../../support/test-clock';
import { miReturnCountText } from '../../../core/exports/mi-return-count';

const root = path.resolve(import.meta.dirname, '../../..');
const passphrase = DEMO_PARTNERSHIP.passphrase;
const QUICK_RETRY = { attempts: 2, firstDelayMs: 1, timeoutMs: 5_000 };

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The one file in a folder, by name and content (the export and the MI return each write one). */
function onlyFile(folder: string): { name: string; text: string } {
  const names = readdirSync(folder);
  expect(names).toHaveLength(1);
  return { name: names[0]!, text: readFileSync(path.join(folder, names[0]!), 'utf8') };
}

/** The server's export log for a database, oldest first, with each entry's people. */
async function serverLog(databaseUrl: string) {
  const db = createServerDatabase(databaseUrl, { maxConnections: 1 });
  try {
    const entries = await db.selectFrom('server_export_log').selectAll().orderBy('seq').execute();
    const subjects = await db.selectFrom('server_export_log_subjects').selectAll().execute();
    return entries.map((entry) => ({ ...entry, subjects: subjects.filter((subject) => subject.export_id === entry.id) }));
  } finally {
    await db.destroy();
  }
}

/** The partnership export (to a folder) and the MI return made on a laptop from its own store, as `username`. */
async function laptopExports(dataDir: string, username: string, month: string) {
  const folder = tempDir();
  const { store, user } = await unlockStore(storePaths(dataDir), username, passphrase);
  try {
    const report = await runFhirExport(store, user, { folder, baseUrl: null, token: null }, { now: testClock() });
    return { report, ndjson: onlyFile(folder).text, mi: buildMiReturn(store, user, month, testClock()()) };
  } finally {
    await store.close();
  }
}

/**
 * A FHIR endpoint on loopback that answers every POST with `status`, counting them (as
 * tests/unit/services/fhir-export-circuit.test.ts does for the laptop).
 */
async function fhirServer(status: number) {
  let posts = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      posts += 1;
      response.writeHead(status, { 'content-type': 'application/fhir+json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, posts: () => posts };
}

/**
 * The demo partnership put on a fresh server database by `server init` (no HTTP server: the
 * server-side commands read PostgreSQL directly), after `prepare` ran on the laptop's services.
 */
async function demoInDatabase(prepare: (services: Awaited<ReturnType<typeof demoFromTemplate>>['services']) => Promise<void>) {
  const database = await freshServerDatabase();
  cleanups.push(database.drop);
  const { dataDir, services } = await demoFromTemplate();
  await prepare(services);
  await services.close();
  await initServerFromStore({ databaseUrl: database.url, dataDir, username: 'demo.admin', passphrase, serverUrl: '', clock: testClock() });
  return { databaseUrl: database.url, dataDir };
}

describe('workwell-mdt server export and server mi-return', () => {
  it('give byte for byte what a laptop holding everything gives, log each run on the server, and leave no temporary store', async () => {
    // The demo partnership on the server, then two more people made export-ready on laptop A and
    // sent to the server by sync (so the server's rows come both from init and from pushes).
    const partnership = await demoOnServer();
    const a = await laptopApp(partnership.laptopA, 'demo.coach');
    const signInAs = async (username: string) => {
      value(await a.dispatch('session.lock', {}));
      value(await a.dispatch('session.unlock', { username, passphrase }));
    };
    for (const [nhsNumber, familyName] of [
      ['999 999 9883', 'Exportperson'],
      ['999 999 9891', 'Serverperson'],
    ] as const) {
      await signInAs('demo.coach');
      const id = await registerAnother(a, nhsNumber, familyName);
      await makeExportReady(a, id, signInAs);
      if (familyName === 'Serverperson') {
        // Their monitoring answers, added after registration as a new version of their details,
        // with evaluation consent: the server's return carries what the laptop's does (issue 20, item 9).
        await signInAs('demo.coach');
        const { person, employment } = testReferral({ person: { nhsNumber, familyName } });
        const monitoring = { sex: 'female', ethnicity: 'R', disability: 'yes', benefitStatus: 'universal_credit' };
        value(await a.dispatch('participants.editDetails', { participantId: id, version: 1, person, employment, monitoring }));
        value(
          await a.dispatch('consents.record', {
            participantId: id,
            purpose: 'evaluation',
            decision: 'given',
            date: '2026-11-03',
            method: 'verbal',
          }),
        );
      }
      // Synced person by person: each user's changes go in the order they were made.
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).refused).toEqual([]);
    }
    // A referral declined on laptop A and synced: the server's MI return counts it too (issue 20, item 9).
    await signInAs('demo.coach');
    value(await a.dispatch('referrals.import', { format: 'csv', text: referralCsv([referralCsvRow(1, { route: 'employer' })]) }));
    const [referral] = value<{ referrals: InboxEntry[] }>(await a.dispatch('referrals.list', { status: 'waiting' })).referrals;
    value(await a.dispatch('referrals.decline', { id: referral?.id, version: referral?.version, reason: 'not_eligible_area' }));
    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    // The area code an administrator set in Settings on laptop A reaches the server's return by sync.
    await signInAs('demo.admin');
    value(await a.dispatch('config.saveAreaCode', { areaCode: 'E54000061', version: 0 }));
    expect((await partnership.sync(partnership.laptopA, 'demo.admin')).refused).toEqual([]);
    await a.close();

    // What a laptop makes from its own store: laptop A (where the partnership began) and laptop B,
    // enrolled from the server now (so holding exactly the server's records, as every laptop does).
    const month = TEST_TODAY.slice(0, 7);
    const laptopB = await partnership.enrol('demo.coordinator');
    const onLaptop = await laptopExports(partnership.laptopA, 'demo.admin', month);
    const onLaptopB = await laptopExports(laptopB.dataDir, 'demo.coordinator', month);
    expect(onLaptop.report.progress.included).toBeGreaterThanOrEqual(2);
    expect(onLaptop.mi.rows).toBeGreaterThan(0);

    // What the server makes, with no laptop.
    const serverDrop = tempDir();
    const tempRoot = tempDir();
    const lines: string[] = [];
    const code = await serverExportCommand(
      { databaseUrl: partnership.databaseUrl, folder: serverDrop, clock: testClock(), tempRoot },
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    const { included, skipped } = onLaptop.report.progress;
    expect(lines[0]).toBe(`Partnership export delivered: ${included} included, ${skipped} skipped (no consent to share), 0 failed.`);
    expect(readdirSync(tempRoot)).toEqual([]);

    const serverFile = onlyFile(serverDrop);
    // The bundles are the same bytes; only the file's name carries the time it was made.
    expect(serverFile.text).toBe(onLaptop.ndjson);
    expect(serverFile.text).toBe(onLaptopB.ndjson);
    expect(serverFile.text.trimEnd().split('\n')).toHaveLength(included);
    expect(serverFile.text).toContain('Serverperson');
    expect(serverFile.name).toMatch(/^workwell-fhir-\d{8}T\d{6}Z\.ndjson$/);

    const miFile = path.join(tempDir(), 'mi.csv');
    const miLines: string[] = [];
    expect(
      await runCli(
        ['server', 'mi-return', '--database-url', partnership.databaseUrl, '--month', month, '--out', miFile],
        (line) => miLines.push(line),
        testClock(),
      ),
    ).toBe(0);
    const serverCsv = readFileSync(miFile, 'utf8');
    expect(serverCsv).toBe(onLaptopB.mi.csv);
    const personRows = miReturnRows(serverCsv).filter((row) => row.participant_reference !== '');
    expect(personRows.length).toBeGreaterThan(0);
    expect(new Set(personRows.map((row) => row.area_code))).toEqual(new Set(['E54000061']));
    expect(serverCsv.trimEnd().split('\r\n').at(-1)).toMatch(/^\d{4}-\d{2},,+declined_referrals,employer,not_eligible_area,1$/);
    // Laptop A differs only in the referral date of demo people seeded with a date but no referral
    // record: that date is a cache (participants.referred_on) which does not sync, so no other
    // laptop has it either; the return then falls back to the date the person was recorded. The
    // age band is the age on that date, so it goes with it.
    const referralDateColumns = new Set([MI_RETURN_COLUMNS.indexOf('referral_date'), MI_RETURN_COLUMNS.indexOf('age_band')]);
    const withoutReferralDate = (csv: string) =>
      csv.split('\r\n').map((line) =>
        line
          .split(',')
          .filter((_cell, index) => !referralDateColumns.has(index))
          .join(','),
      );
    expect(withoutReferralDate(serverCsv)).toEqual(withoutReferralDate(onLaptop.mi.csv));
    // The two people registered in this test have referral records: their rows are the same to the byte.
    const synced = (csv: string) => csv.split('\r\n').filter((line) => /^\d{4}-\d{2},WW-00024[12],/.test(line));
    expect(synced(serverCsv)).toHaveLength(2);
    expect(synced(serverCsv)).toEqual(synced(onLaptop.mi.csv));
    expect(miReturnRows(serverCsv).find((row) => row.participant_reference === 'WW-000242')).toMatchObject({
      age_band: '35-44',
      sex: 'female',
      ethnic_category: 'R',
      disability: 'yes',
      benefit_status: 'universal_credit',
      consent_evaluation: 'given',
    });
    expect(miLines).toEqual([
      `MI return for ${month}: ${miReturnCountText(onLaptop.mi)} on the caseload of ${DEMO_PARTNERSHIP.name}, written to ${miFile}.`,
    ]);
    await expect(
      runCli(
        ['server', 'mi-return', '--database-url', partnership.databaseUrl, '--month', month, '--out', miFile],
        () => undefined,
        testClock(),
      ),
    ).rejects.toThrow(/already exists: the MI return never overwrites a file/);

    // Each run is in the server's export log: kind, file name, counts and the SHA-256 of the bytes that left.
    const log = await serverLog(partnership.databaseUrl);
    expect(
      log.map(({ kind, destination, outcome, included: inFile, skipped: left, failed, sha256, bytes, reason }) => ({
        kind,
        destination,
        outcome,
        inFile,
        left,
        failed,
        sha256,
        bytes,
        reason,
      })),
    ).toEqual([
      {
        kind: 'fhir_bundle',
        destination: serverFile.name,
        outcome: 'delivered',
        inFile: included,
        left: skipped,
        failed: 0,
        sha256: sha256Hex(serverFile.text),
        bytes: String(Buffer.byteLength(serverFile.text)),
        reason: null,
      },
      {
        kind: 'mi_return',
        destination: 'mi.csv',
        outcome: 'delivered',
        inFile: onLaptop.mi.rows,
        left: 0,
        failed: 0,
        sha256: sha256Hex(serverCsv),
        bytes: String(Buffer.byteLength(serverCsv)),
        reason: null,
      },
    ]);
    expect(log[0]!.subjects).toHaveLength(onLaptop.report.progress.total);
    expect(log.every((entry) => entry.partnership_id === partnership.init.partnershipId)).toBe(true);
    // Ids and codes only: no name or NHS number reached the server's log.
    expect(JSON.stringify(log)).not.toMatch(/Serverperson|Exportperson|9999999891/);
    // Append-only, like the laptop's.
    await expect(partnership.db.updateTable('server_export_log').set({ outcome: 'failed' }).execute()).rejects.toThrow(/cannot be changed/);
    await expect(partnership.db.deleteFrom('server_export_log_subjects').execute()).rejects.toThrow(/cannot be changed/);
  }, 180_000);

  it('builds the same records from a partnership with full case histories, whatever the page size (parents in later pages)', async () => {
    // Seeded histories hold what the demo does not: amended assessments, plan versions based on
    // earlier ones, assessments pointing at measure results (a later table), meetings rolled forward.
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'pass.txt');
    writeFileSync(file, `${passphrase}\n`);
    const cli = (...args: string[]) => runCli([...args, '--passphrase-file', file], () => undefined, testClock());
    expect(await cli('init', '--store', dataDir, '--admin', 'a.admin', '--icb', 'frimley', '--synthetic')).toBe(0);
    expect(await cli('seed', '--store', dataDir, '--participants', '60', '--seed', '3')).toBe(0);
    const database = await freshServerDatabase();
    cleanups.push(database.drop);
    await initServerFromStore({ databaseUrl: database.url, dataDir, username: 'a.admin', passphrase, serverUrl: '', clock: testClock() });

    const month = testDate(-40).slice(0, 7);
    const onLaptop = await laptopExports(dataDir, 'a.admin', month);
    expect(onLaptop.mi.rows).toBeGreaterThan(20);
    const folder = tempDir();
    const miFile = path.join(tempDir(), 'mi.csv');
    const job = { databaseUrl: database.url, clock: testClock(), rowsPerPage: 7 };
    expect(await serverExportCommand({ ...job, folder }, () => undefined)).toBe(0);
    expect(await serverMiReturnCommand({ ...job, month, out: miFile }, () => undefined)).toBe(0);
    expect(onlyFile(folder).text).toBe(onLaptop.ndjson);
    expect(readFileSync(miFile, 'utf8')).toBe(onLaptop.mi.csv);
  }, 120_000);

  it('logs a run that cannot build the store as failed (the error code only), leaves nothing behind and exits 1', async () => {
    const { databaseUrl } = await demoInDatabase(async () => undefined);
    const db = createServerDatabase(databaseUrl, { maxConnections: 1 });
    cleanups.push(() => db.destroy());
    const { id } = await db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow();
    // A referral of a person the server does not hold: a laptop's store refuses it (foreign key).
    const orphan = {
      id: 'orphan-referral',
      participant_id: 'nobody',
      referral_date: '2026-11-02',
      route: 'gp',
      referrer_name: null,
      referrer_organisation: null,
      reason: 'Synthetic.',
      recorded_by: 'nobody',
      recorded_at: '2026-11-02T10:00:00.000Z',
    };
    await db
      .insertInto('records')
      .values({ partnership_id: id, table_name: 'referrals', key: JSON.stringify([orphan.id]), row: JSON.stringify(orphan), seq: 1 })
      .execute();
    const folder = tempDir();
    const tempRoot = tempDir();
    await expect(serverExportCommand({ databaseUrl, folder, clock: testClock(), tempRoot }, () => undefined)).rejects.toThrow(
      /FOREIGN KEY/,
    );
    expect(readdirSync(tempRoot)).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
    const [entry, ...others] = await serverLog(databaseUrl);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ kind: 'fhir_bundle', outcome: 'failed', included: 0, skipped: 0, failed: 0, bytes: '0', subjects: [] });
    expect(entry!.destination).toMatch(/^workwell-fhir-\d{8}T\d{6}Z\.ndjson$/);
    expect(entry!.reason).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
  }, 60_000);

  it('keeps the transient store encrypted while it exists and removes it when the work fails', async () => {
    const { databaseUrl } = await demoInDatabase(async () => undefined);
    const db = createServerDatabase(databaseUrl, { maxConnections: 1 });
    cleanups.push(() => db.destroy());
    const { id } = await db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow();
    const tempRoot = tempDir();
    const failed = withTransientStore(
      partnershipRowPages(db, id),
      async (store) => {
        // Whole names and NHS numbers: a short family name alone turns up by chance in megabytes of ciphertext.
        const people = (
          store.sqlite.prepare('SELECT given_name, family_name, nhs_number FROM participants').all() as Array<{
            given_name: string;
            family_name: string;
            nhs_number: string | null;
          }>
        ).flatMap((row) => [`${row.given_name} ${row.family_name}`, ...(row.nhs_number === null ? [] : [row.nhs_number])]);
        expect(people.length).toBeGreaterThanOrEqual(240);
        const [folder] = readdirSync(tempRoot);
        for (const name of readdirSync(path.join(tempRoot, folder!))) {
          const bytes = readFileSync(path.join(tempRoot, folder!, name));
          expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
          for (const person of people.slice(0, 40)) expect(bytes.includes(Buffer.from(person)), person).toBe(false);
        }
        throw new Error('the export broke');
      },
      { tempRoot },
    );
    await expect(failed).rejects.toThrow('the export broke');
    expect(readdirSync(tempRoot)).toEqual([]);
  }, 60_000);

  it('stops at a FHIR server that answers 500 by the circuit breaker, exits 3 and logs the run as failed', async () => {
    const { databaseUrl } = await demoInDatabase(async (services) => {
      value(await services.dispatch('session.lock', {}));
      value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase }));
      const page = value<{ items: Array<{ id: string }> }>(await services.dispatch('participants.list', { pageSize: 8 }));
      for (const person of page.items) {
        value(
          await services.dispatch('consents.record', {
            participantId: person.id,
            purpose: 'share_partnership',
            decision: 'given',
            date: testDate(-2),
            method: 'verbal',
          }),
        );
      }
    });
    const down = await fhirServer(500);
    const tokenFile = path.join(tempDir(), 'token.txt');
    writeFileSync(tokenFile, 'test-token\n');
    const tempRoot = tempDir();
    const lines: string[] = [];
    const code = await serverExportCommand(
      { databaseUrl, fhirServer: down.url, tokenFile, clock: testClock(), retry: QUICK_RETRY, tempRoot },
      (line) => lines.push(line),
    );
    expect(code).toBe(3);
    expect(lines[0]).toMatch(/^Partnership export failed: 0 included, \d+ skipped \(no consent to share\), 5 failed\.$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^The partnership system failed 5 people in a row, so the export stopped after [\d,]+ of 240\./),
    );
    expect(lines.filter((line) => line.endsWith(': The server answered HTTP 500 (tried 2 times)'))).toHaveLength(5);
    // Five people, each tried twice; nobody after them.
    expect(down.posts()).toBe(10);
    expect(readdirSync(tempRoot)).toEqual([]);

    const [entry, ...others] = await serverLog(databaseUrl);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ kind: 'fhir_bundle', destination: down.url, outcome: 'failed', included: 0, failed: 5 });
    expect(entry!.reason).toMatch(/^The partnership system failed 5 people in a row/);
    expect(entry!.subjects.filter((subject) => subject.outcome === 'failed').map((subject) => subject.reason)).toEqual(
      Array(5).fill('The server answered HTTP 500 (tried 2 times)'),
    );
    expect(JSON.stringify(entry)).not.toContain('test-token');
  }, 90_000);

  it('refuses bad arguments with a clear error and exit code 1, changing nothing', async () => {
    const database = await freshServerDatabase();
    cleanups.push(database.drop);
    const url = database.url;
    const folder = tempDir();
    const run = (...args: string[]) => runCli(['server', ...args], () => undefined, testClock());
    await expect(run('export', '--database-url', url)).rejects.toThrow(
      /^server export needs one destination: --folder DIR or --fhir-server URL\.\nUsage: /,
    );
    await expect(run('export', '--database-url', url, '--folder', folder, '--fhir-server', 'https://fhir.example.org/r4')).rejects.toThrow(
      /needs one destination/,
    );
    await expect(run('export', '--database-url', url, '--fhir-server', 'http://fhir.example.org/r4')).rejects.toThrow(
      /--fhir-server must start https:\/\//,
    );
    await expect(run('export', '--database-url', url, '--folder', folder, '--token-file', 'token.txt')).rejects.toThrow(
      /--token-file goes with --fhir-server/,
    );
    await expect(run('export', '--database-url', url, '--folder', path.join(folder, 'missing'))).rejects.toThrow(
      /does not exist or is not a folder/,
    );
    await expect(run('export', '--folder', folder)).rejects.toThrow(/needs --database-url/);
    const withPassword = new URL(url);
    withPassword.password = 'hunter2';
    await expect(run('export', '--database-url', withPassword.toString(), '--folder', folder)).rejects.toThrow(
      /never taken on the command line/,
    );
    await expect(run('mi-return', '--database-url', url, '--month', '2026-13', '--out', path.join(folder, 'mi.csv'))).rejects.toThrow(
      /needs --month YYYY-MM/,
    );
    await expect(run('mi-return', '--database-url', url, '--month', '2026-11')).rejects.toThrow(/needs --out FILE/);
    await expect(run('mi-return', '--database-url', url, '--month', '2026-11', '--out', path.join(folder, 'no', 'mi.csv'))).rejects.toThrow(
      /does not exist/,
    );
    // A database with no partnership on it, or the wrong one named: said plainly.
    await expect(run('export', '--database-url', url, '--folder', folder)).rejects.toThrow(/holds no partnership yet.*server init/);
    const error = await run(
      'mi-return',
      '--database-url',
      url,
      '--month',
      '2026-11',
      '--out',
      path.join(folder, 'mi.csv'),
      '--partnership',
      'nope',
    ).catch((e: unknown) => e);
    expect(describeCliError(error)).toBe('This server holds no partnership with the id nope.');
    expect(readdirSync(folder)).toEqual([]);
    expect(await serverLog(url)).toEqual([]);

    // The real command: the message on stderr, exit code 1.
    const child = spawn(process.execPath, ['bin/workwell-mdt.mjs', 'server', 'export', '--database-url', url], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/^server export needs one destination/);
  }, 60_000);

  it('is listed by workwell-mdt help', async () => {
    const lines: string[] = [];
    expect(await runCli(['help'], (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toContain('workwell-mdt server export --database-url URL (--folder DIR | --fhir-server URL');
    expect(lines.join('\n')).toContain('workwell-mdt server mi-return --database-url URL --month YYYY-MM --out FILE');
  });
});
