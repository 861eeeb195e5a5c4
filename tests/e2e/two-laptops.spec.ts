import type { Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { startThrowawayCluster, type ThrowawayCluster } from '../support/postgres-cluster';
import { TEST_NOW } from '../support/test-clock';
import { expectNoAxeViolations } from './accessibility';
import { startTodaysDemoMeeting } from './demo-sign-in';
import { expect, test, withHostOn } from './host-fixture';
import { fillDate } from './date-input';

/**
 * Two laptops and one partnership server, all real (issue 14): a PostgreSQL cluster made for this
 * spec, `workwell-mdt server start` as a child process, the demo partnership put on it with
 * `server init`, a second laptop made with `enrol`, and two loopback hosts each with its own
 * encrypted store and its own Chromium page. What one laptop records appears on the other's
 * screen while both stay open.
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const cliEnv = { ...process.env, WORKWELL_PASSPHRASE: DEMO_PARTNERSHIP.passphrase, WORKWELL_CLOCK: TEST_NOW };

/** Runs `workwell-mdt ARGS` to completion (the passphrase from the environment). */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/workwell-mdt.mjs', ...args], { cwd: root, env: cliEnv, timeout: 120_000 });
  return stdout;
}

/**
 * `workwell-mdt server start` in the background; resolves with the address it prints. Its log (which
 * never holds clinical text) goes to `logFile`, beside the test's other output, for a failed run.
 */
async function startServer(databaseUrl: string, children: ChildProcess[], logFile: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ['bin/workwell-mdt.mjs', 'server', 'start', '--database-url', databaseUrl, '--listen', '127.0.0.1:0'],
    {
      cwd: root,
      env: cliEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      appendFileSync(logFile, chunk);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** Unlocks a locked laptop as a team member `username` (the demo passphrase): their worklist, then the caseload. */
async function unlockAs(page: Page, username: string): Promise<void> {
  await page.getByLabel('Who are you?').selectOption(username);
  await page.getByLabel('Passphrase').fill(DEMO_PARTNERSHIP.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
}

let cluster: ThrowawayCluster | undefined;
const children: ChildProcess[] = [];
const folders: string[] = [];

test.afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await cluster?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('two laptops on one partnership server: a referral registered on one appears on the other caseload, and a PHQ-9 risk flag raised on one shows in the other meeting mode', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  cluster = await startThrowawayCluster();
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE workwell_two_laptops');
  await admin.end();
  const databaseUrl = new URL(cluster.adminUrl);
  databaseUrl.pathname = '/workwell_two_laptops';

  // Laptop A: the demo partnership, opened once in the app, then put on the server.
  const laptopA = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-a-'));
  const laptopB = path.join(mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-b-')), 'store');
  folders.push(laptopA, path.dirname(laptopB));
  const setup = await browser.newPage();
  await withHostOn(laptopA, async (host) => {
    await setup.goto(host.launchUrl);
    await setup.getByRole('button', { name: 'Open a demo partnership' }).click();
    await expect(setup.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });
  });
  await setup.close();
  const serverUrl = await startServer(databaseUrl.toString(), children, testInfo.outputPath('server.log'));
  await cli(
    'server',
    'init',
    '--database-url',
    databaseUrl.toString(),
    '--from-store',
    laptopA,
    '--user',
    'demo.admin',
    '--server',
    serverUrl,
  );
  // Laptop B: the coordinator's, made from the server.
  await cli('enrol', '--store', laptopB, '--server', serverUrl, '--user', 'demo.coordinator');

  await withHostOn(laptopA, async (hostA) => {
    await withHostOn(laptopB, async (hostB) => {
      const coach = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
      const coordinator = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
      await coach.goto(hostA.launchUrl);
      await unlockAs(coach, 'demo.coach');
      await coordinator.goto(hostB.launchUrl);
      await unlockAs(coordinator, 'demo.coordinator');
      await expect(coordinator.getByTestId('sync-status')).toContainText('Online', { timeout: 15_000 });

      // 1. The coach registers a referral on A; B's caseload shows it without a reload.
      await coach.getByRole('button', { name: 'Register a referral' }).click();
      await coach.getByLabel('Given name').fill('Jordan');
      // Sorts before every demo family name, so the person is on the first caseload page.
      await coach.getByLabel('Family name').fill('Aalto');
      await fillDate(coach, 'Date of birth', '1988-09-09');
      await coach.getByLabel('Employment status at first contact').selectOption({ label: 'Out of work for 12 weeks or less' });
      await fillDate(coach, 'Referral date', '2026-11-04');
      await coach.getByLabel('Referral route').selectOption({ label: 'Self-referral' });
      await coach.getByLabel('Reason for referral').fill('Anxiety after redundancy.');
      await coach.getByRole('button', { name: 'Register referral' }).click();
      await expect(coach.getByRole('heading', { level: 1, name: 'Jordan Aalto' })).toBeVisible();
      await expect(coordinator.getByTestId('caseload-table').getByRole('row', { name: /AALTO, Jordan/ })).toBeVisible({ timeout: 10_000 });
      await coordinator.screenshot({ path: testInfo.outputPath('laptop-b-caseload.png'), fullPage: true });

      // 2. B opens meeting mode on today's meeting, on a case with no risk flag.
      const live = await startTodaysDemoMeeting(coordinator);
      await live.getByRole('button', { name: /Next case/ }).click();
      await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
      await expect(coordinator.getByTestId('risk-flag-banner')).toHaveCount(0);
      const heading = (await live.getByRole('heading', { level: 2 }).first().innerText()).trim();
      const reference = /\S+$/.exec(heading)?.[0] ?? '';
      expect(reference).toMatch(/^WW-\d{6}$/);

      // 3. On A, the coach records a PHQ-9 for that person with question 9 above 0.
      await coach.getByRole('link', { name: 'Back to the caseload' }).click();
      await coach.getByLabel('Search by name, NHS number or reference').fill(reference);
      await expect(coach.getByText('1 person matches.', { exact: false })).toBeVisible();
      await coach.getByTestId('caseload-table').getByRole('link').first().click();
      await expect(coach.getByRole('button', { name: 'Record an outcome measure' })).toBeVisible();
      await coach.getByRole('button', { name: 'Record an outcome measure' }).click();
      const answers = [1, 2, 1, 1, 0, 1, 1, 0, 1];
      for (const [index, answer] of answers.entries()) {
        const label = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'][answer] ?? '';
        await coach
          .getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })
          .getByLabel(label)
          .check();
      }
      await coach.getByRole('button', { name: 'Save measure' }).click();
      await expect(coach.getByTestId('risk-flag-banner')).toContainText("Risk flag: needs a clinician's review");

      // 4. B's meeting mode shows the flag on the case in front of the team, with nothing clicked.
      await expect(coordinator.getByTestId('risk-flag-banner')).toContainText("Risk flag: needs a clinician's review", { timeout: 10_000 });
      await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
      await expectNoAxeViolations(coordinator);
      await coordinator.screenshot({ path: testInfo.outputPath('laptop-b-meeting-mode-risk-flag.png'), fullPage: true });
    });
  });
});
