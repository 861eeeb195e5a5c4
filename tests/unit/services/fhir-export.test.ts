import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { ExportLogPage } from '../../../core/schemas/export-log';
import type { ExportJob, ExportSettings, MiReturn } from '../../../core/schemas/fhir-export';
import { storePaths } from '../../../db/store-paths';
import { runFhirExport } from '../../../services/exports/fhir-export';
import { MI_RETURN_COLUMNS } from '../../../services/exports/mi-return';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { makeExportReady, registerAnother } from '../../support/export-ready-person';
import { compileFhirSchema, schemaErrors } from '../../support/fhir-schema';
import { gpFitNote } from '../../support/fit-note-input';
import { tempDir } from '../../support/temp-dir';

let validate: ValidateFunction;
beforeAll(() => {
  validate = compileFhirSchema();
}, 30_000);

const TOKEN = 'test-bearer-token-do-not-log';

/** The demo partnership (240 people, none consenting to share) plus one person ready to export and one who withdrew. */
async function exportScenario() {
  // Dates typed in tests must not be in the future, so the clock sits in the past.
  let clock = new Date('2026-11-20T10:00:00Z');
  const demo = await demoWithPerson({ clock: () => clock });
  const readyId = await registerAnother(demo.services);
  await makeExportReady(demo.services, readyId, demo.signInAs);
  // The person from demoWithPerson gave consent and then withdrew it.
  await demo.signInAs('demo.coach');
  // Each has a fit note in force, with no end date: only the one who consents has it exported (its comments never).
  for (const participantId of [readyId, demo.id])
    value(
      await demo.services.dispatch('fitNotes.record', {
        ...gpFitNote(participantId),
        issuedOn: '2026-11-02',
        periodFrom: '2026-11-02',
        periodTo: null,
        comments: 'Mornings are hardest',
      }),
    );
  const consent = value<{ id: string }>(
    await demo.services.dispatch('consents.record', {
      participantId: demo.id,
      purpose: 'share_partnership',
      decision: 'given',
      date: '2026-11-03',
      method: 'verbal',
    }),
  );
  value(await demo.services.dispatch('consents.withdraw', { consentId: consent.id, date: '2026-11-10' }));
  // …and consents to sharing with DWP, a separate decision the partnership export must not rely on.
  value(
    await demo.services.dispatch('consents.record', {
      participantId: demo.id,
      purpose: 'share_dwp',
      decision: 'given',
      date: '2026-11-03',
      method: 'verbal',
    }),
  );
  const tick = () => {
    clock = new Date(clock.getTime() + 1_000);
  };
  return { ...demo, readyId, tick };
}

function bundlesIn(file: string): Array<{ entry: Array<{ resource: { resourceType: string; id: string } }> }> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { entry: Array<{ resource: { resourceType: string; id: string } }> });
}

/** Polls the job channel, as the screen does, until the job has left "running"; fails after `deadlineMs`. */
async function waitForJob(call: (jobId: string) => Promise<ExportJob>, jobId: string, deadlineMs = 20_000): Promise<ExportJob> {
  const deadline = performance.now() + deadlineMs;
  for (;;) {
    const job = await call(jobId);
    if (job.state !== 'running') return job;
    if (performance.now() > deadline)
      throw new Error(`the export was still running after ${deadlineMs} ms: ${JSON.stringify(job.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A FHIR server on 127.0.0.1 that answers each POST with the next status from `statuses` (then the last one). */
async function fhirServer(statuses: number[]) {
  const received: Array<{ authorization: string | undefined; contentType: string | undefined; body: string }> = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      received.push({ authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
      const status = statuses.length > 1 ? (statuses.shift() ?? 500) : (statuses[0] ?? 500);
      response
        .writeHead(status, { 'content-type': 'application/fhir+json' })
        .end('{"resourceType":"Bundle","type":"transaction-response"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, received };
}

/**
 * A FHIR server on 127.0.0.1 that leaves every POST unanswered until `release()`: while it holds the
 * first one, the export is certainly running (it cannot finish without an answer). `firstPost`
 * settles when that first POST has arrived.
 */
async function holdingFhirServer() {
  const held: ServerResponse[] = [];
  let arrived = () => {};
  const firstPost = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((request, response) => {
    request.resume();
    held.push(response);
    arrived();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const release = () => {
    for (const response of held.splice(0)) if (!response.writableEnded && !response.destroyed) response.writeHead(200).end('{}');
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, firstPost, release };
}

describe('partnership export (FHIR)', () => {
  it('drops one valid transaction Bundle per consenting person into the folder, skips the rest with the reason, and logs it', async () => {
    const scenario = await exportScenario();
    const { services, signInAs, readyId } = scenario;
    const folder = tempDir('workwell-drop-');
    await signInAs(DEMO_PARTNERSHIP.adminUsername);
    const settings = value<ExportSettings>(await services.dispatch('exports.saveSettings', { folder, baseUrl: '', token: TOKEN }));
    expect(settings).toMatchObject({ folder, baseUrl: null, tokenSet: true });
    expect(JSON.stringify(settings)).not.toContain(TOKEN);

    await signInAs('demo.coordinator');
    const started = value<ExportJob>(await services.dispatch('exports.startFhir', {}));
    const job = await waitForJob(async (jobId) => value<ExportJob>(await services.dispatch('exports.job', { jobId })), started.jobId);
    expect(job.state).toBe('finished');
    expect(job.progress).toMatchObject({ total: 242, processed: 242, included: 1, skipped: 241, failed: 0 });
    // The report lists the withdrawal before the many with no decision recorded.
    expect(job.problems[0]?.reason).toBe('Consent to share with the partnership system was withdrawn');
    expect(job.problems.map((problem) => problem.reason)).toContain('No consent recorded to share with the partnership system');

    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^workwell-fhir-\d{8}T\d{6}Z\.ndjson$/);
    const file = path.join(folder, files[0] ?? '');
    const bundles = bundlesIn(file);
    expect(bundles).toHaveLength(1);
    for (const bundle of bundles) expect(validate(bundle), schemaErrors(validate)).toBe(true);
    const types = bundles[0]?.entry.map((entry) => entry.resource.resourceType) ?? [];
    expect(new Set(types)).toEqual(
      new Set(['Patient', 'Consent', 'ServiceRequest', 'Condition', 'Observation', 'CareTeam', 'Goal', 'CarePlan']),
    );
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('9999999883');
    const fitNotes = (bundles[0]?.entry ?? []).filter((entry) => JSON.stringify(entry.resource).includes('/CodeSystem/fit-note"'));
    expect(fitNotes.map((entry) => entry.resource)).toEqual([
      expect.objectContaining({ resourceType: 'Observation', effectivePeriod: { start: '2026-11-02' }, status: 'final' }),
    ]);
    expect(text).not.toContain('Mornings are hardest');
    // The Patient carries sex and the GP practice (ODS identifier); ethnicity and disability never leave (README, "Exports").
    expect(bundles[0]?.entry[0]?.resource).toMatchObject({
      resourceType: 'Patient',
      gender: 'female',
      generalPractitioner: [
        { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' }, display: 'Example Street Surgery' },
      ],
    });
    expect(text).not.toContain('EthnicCategory');
    expect(text).not.toContain('disability');
    expect(text).not.toContain(readyId === scenario.id ? 'never' : 'Back pain since a lifting injury');

    const log = value<ExportLogPage>(await services.dispatch('exports.log', { kind: 'fhir_bundle' }));
    expect(log.entries[0]).toMatchObject({ destination: files[0], outcome: 'delivered', included: 1, skipped: 241, failed: 0 });
    expect(log.entries[0]?.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));

    // A re-export gives the same ids: the partnership system updates, never duplicates.
    scenario.tick();
    const again = value<ExportJob>(await services.dispatch('exports.startFhir', {}));
    expect(
      (await waitForJob(async (jobId) => value<ExportJob>(await services.dispatch('exports.job', { jobId })), again.jobId)).state,
    ).toBe('finished');
    const second = readdirSync(folder).filter((name) => name !== files[0]);
    expect(second).toHaveLength(1);
    const ids = (bundle: { entry: Array<{ resource: { id: string } }> } | undefined) => bundle?.entry.map((entry) => entry.resource.id);
    expect(ids(bundlesIn(path.join(folder, second[0] ?? ''))[0])).toEqual(ids(bundles[0]));
    await services.close();
  }, 60_000);

  it('refuses to start without a destination, and only administrators set destinations', async () => {
    const { services, signInAs } = await demoWithPerson({ clock: () => new Date('2026-11-20T10:00:00Z') });
    await signInAs('demo.coordinator');
    const refused = await services.dispatch('exports.startFhir', {});
    expect(refused.ok).toBe(false);
    const notAdmin = await services.dispatch('exports.saveSettings', { folder: '/tmp', baseUrl: '' });
    expect(!notAdmin.ok && notAdmin.error.code).toBe('FORBIDDEN');
    await signInAs(DEMO_PARTNERSHIP.adminUsername);
    const bad = await services.dispatch('exports.saveSettings', { folder: 'relative/folder', baseUrl: 'http://fhir.example.org/r4' });
    expect(!bad.ok && Object.keys(bad.error.fields ?? {}).sort()).toEqual(['baseUrl', 'folder']);
    // The folder is checked when it is saved, not first found missing by the nightly export.
    const folder = tempDir('workwell-export-folder-');
    const file = path.join(folder, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    for (const [wrong, message] of [
      [path.join(folder, 'missing'), /no folder at this path/],
      [file, /a file, not a folder/],
    ] as const) {
      const refused = await services.dispatch('exports.saveSettings', { folder: wrong, baseUrl: '' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { folder: expect.stringMatching(message) } } });
    }
    expect(value<ExportSettings>(await services.dispatch('exports.settings', {})).folder).toBeNull();
    expect(value<ExportSettings>(await services.dispatch('exports.saveSettings', { folder, baseUrl: '' })).folder).toBe(folder);
    await services.close();
  }, 60_000);

  it('POSTs each bundle with the bearer token, retries a busy server, reports a permanent failure per person, and cancels cleanly', async () => {
    const scenario = await exportScenario();
    const second = await registerAnother(scenario.services, '999 999 9905', 'Secondexport');
    await makeExportReady(scenario.services, second, scenario.signInAs);
    await scenario.services.close();
    const { store, user } = await unlockStore(storePaths(scenario.dataDir), 'demo.coordinator', DEMO_PARTNERSHIP.passphrase);
    const now = () => new Date('2026-11-20T11:00:00Z');
    const retry = { attempts: 3, firstDelayMs: 5, timeoutMs: 5_000 };
    try {
      // First bundle: 503 then 200 (retried). Second bundle: 200.
      const flaky = await fhirServer([503, 200]);
      const delivered = await runFhirExport(store, user, { folder: null, baseUrl: flaky.url, token: TOKEN }, { now, retry });
      expect(delivered.progress).toMatchObject({ included: 2, failed: 0, skipped: 241 });
      expect(delivered.outcome).toBe('delivered');
      expect(flaky.received).toHaveLength(3);
      for (const request of flaky.received) {
        expect(request.authorization).toBe(`Bearer ${TOKEN}`);
        expect(request.contentType).toBe('application/fhir+json');
        expect(validate(JSON.parse(request.body)), schemaErrors(validate)).toBe(true);
      }

      // A server that refuses the content: each person is reported failed with the status, never the token.
      const refusing = await fhirServer([400]);
      const failed = await runFhirExport(store, user, { folder: null, baseUrl: refusing.url, token: TOKEN }, { now, retry });
      expect(failed.outcome).toBe('failed');
      expect(failed.progress).toMatchObject({ included: 0, failed: 2 });
      expect(failed.problems.filter((problem) => problem.outcome === 'failed').map((problem) => problem.reason)).toEqual([
        'The server answered HTTP 400',
        'The server answered HTTP 400',
      ]);
      expect(refusing.received).toHaveLength(2);
      const logged = store.sqlite.prepare("SELECT * FROM export_log_subjects WHERE outcome = 'failed'").all();
      expect(logged).toHaveLength(2);
      const withdrawn = store.sqlite.prepare('SELECT outcome, reason FROM export_log_subjects WHERE participant_id = ?').all(scenario.id);
      expect(withdrawn).toContainEqual({ outcome: 'skipped', reason: 'Consent to share with the partnership system was withdrawn' });

      // Nothing in the export log or the audit trail carries the token.
      const everything = JSON.stringify([
        store.sqlite.prepare('SELECT * FROM export_log').all(),
        store.sqlite.prepare('SELECT * FROM export_log_subjects').all(),
        store.sqlite.prepare('SELECT * FROM audit_log').all(),
      ]);
      expect(everything).not.toContain(TOKEN);

      // Cancel part-way through a folder export: no file, no partial file.
      const folder = tempDir('workwell-cancel-');
      const controller = new AbortController();
      const cancelled = await runFhirExport(
        store,
        user,
        { folder, baseUrl: null, token: null },
        {
          now,
          signal: controller.signal,
          batchSize: 10,
          onProgress: (progress) => (progress.processed === 25 ? controller.abort() : undefined),
        },
      );
      expect(cancelled.outcome).toBe('cancelled');
      expect(cancelled.progress.processed).toBe(25);
      expect(readdirSync(folder)).toEqual([]);
      const lastLog = store.sqlite.prepare('SELECT outcome, included FROM export_log ORDER BY seq DESC LIMIT 1').get();
      expect(lastLog).toEqual({ outcome: 'cancelled', included: 0 });
    } finally {
      await store.close();
    }
  }, 90_000);

  it('a running export shows its counts through the job channel and Cancel stops it, leaving the log saying so', async () => {
    const scenario = await exportScenario();
    const { services, signInAs } = scenario;
    // The server holds the bundle unanswered, so the export is still running when Cancel arrives.
    const server = await holdingFhirServer();
    await signInAs(DEMO_PARTNERSHIP.adminUsername);
    value(await services.dispatch('exports.saveSettings', { folder: '', baseUrl: server.url, token: TOKEN }));
    const started = value<ExportJob>(await services.dispatch('exports.startFhir', {}));
    expect(started.state).toBe('running');
    const busy = await services.dispatch('exports.startFhir', {});
    expect(!busy.ok && busy.error.code).toBe('CONFLICT');
    await server.firstPost;
    const midway = value<ExportJob>(await services.dispatch('exports.job', { jobId: started.jobId }));
    expect(midway.state).toBe('running');
    expect(midway.progress.total).toBe(242);
    expect(midway.progress.included).toBe(0);
    value(await services.dispatch('exports.cancel', { jobId: started.jobId }));
    const job = await waitForJob(async (jobId) => value<ExportJob>(await services.dispatch('exports.job', { jobId })), started.jobId);
    server.release();
    expect(job.state).toBe('cancelled');
    expect(job.message).toMatch(/cancelled/);
    const log = value<ExportLogPage>(await services.dispatch('exports.log', { kind: 'fhir_bundle' }));
    expect(log.entries[0]).toMatchObject({ outcome: 'cancelled', included: 0 });
    await services.close();
  }, 60_000);

  it('MI return: one row per person on the caseload that month, the documented columns, no free text or identifiers', async () => {
    const scenario = await exportScenario();
    const { services, readyId } = scenario;
    await scenario.signInAs('demo.coordinator');
    const mi = value<MiReturn>(await services.dispatch('exports.miReturn', { month: '2026-11' }));
    expect(mi.fileName).toBe('workwell-mi-return-2026-11.csv');
    const lines = mi.csv.trim().split('\r\n');
    expect(lines[0]).toBe(MI_RETURN_COLUMNS.join(','));
    expect(lines.length - 1).toBe(mi.rows);
    const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, index) => [MI_RETURN_COLUMNS[index], cell])));
    for (const row of rows) expect(Object.keys(row)).toHaveLength(MI_RETURN_COLUMNS.length);
    const reference = (value<{ reference: string }>(await services.dispatch('participants.get', { id: readyId })) as { reference: string })
      .reference;
    const ready = rows.find((row) => row.participant_reference === reference);
    expect(ready).toMatchObject({
      reporting_month: '2026-11',
      referral_date: '2026-11-02',
      referral_source: 'gp',
      consent_service: 'given',
      consent_share_partnership: 'given',
      consent_share_dwp: 'not_recorded',
      consent_evaluation: 'not_recorded',
      employment_status_at_start: 'off_sick_fit_note',
      fit_note_at_start: 'yes',
      primary_barrier: 'musculoskeletal',
      first_appointment_date: '2026-11-05',
      plan_agreed_date: '2026-11-20',
      interventions_team: '1',
      onward_referrals: '1',
      signposts: '0',
      actions_physiotherapy: '1',
      actions_employment_support: '1',
      // No evaluation consent: the outcome measures stay blank (README "Management-information return").
      phq9_baseline: '',
      phq9_baseline_date: '',
      phq9_follow_up: '',
      gad7_baseline: '',
      exit_date: '',
    });
    // The other person withdrew sharing with the partnership system but gave sharing with DWP: two columns, two answers.
    expect(
      rows.find(
        (row) =>
          row.participant_reference !== reference && row.consent_share_partnership === 'withdrawn' && row.consent_share_dwp === 'given',
      ),
    ).toBeDefined();
    expect(mi.csv).not.toMatch(/Testperson|Exportperson|999 ?999 ?9883|1984-03-02|Back pain|Keeping my job/);
    const log = value<ExportLogPage>(await services.dispatch('exports.log', { kind: 'mi_return' }));
    expect(log.entries[0]).toMatchObject({
      destination: mi.fileName,
      included: mi.rows,
      sha256: createHash('sha256').update(mi.csv).digest('hex'),
    });
    const badMonth = await services.dispatch('exports.miReturn', { month: '2026-13' });
    expect(badMonth.ok).toBe(false);
    await services.close();
  }, 60_000);
});
