import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { expectNoAxeViolations } from './accessibility';
import { expect, openApp, test, withHostOn } from './host-fixture';
import { mainThreadTimingsSince, pageNow, recordMainThreadTimings } from './main-thread-timings';

/**
 * A meeting as long as the national synthetic data's (issue 8): hundreds of cases on one agenda. The
 * demo partnership's planned meeting gets EXTRA more people (tests/support/make-long-agenda-store.ts).
 */
const EXTRA = 600;
const CASES = EXTRA + 4;
const root = path.resolve(import.meta.dirname, '..', '..');

test(`an agenda of ${CASES} cases opens without blocking, holds only the rows in view, reorders by keyboard, scrolls to its last case, and meeting mode reaches any case`, async ({
  page,
}, testInfo) => {
  test.slow();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-agenda-'));
  try {
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/make-long-agenda-store.ts', dataDir, String(EXTRA)], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (made.status !== 0) throw new Error(`making the long agenda failed: ${made.stderr}`);
    await recordMainThreadTimings(page);

    await withHostOn(dataDir, async (host) => {
      await openApp(page, host);
      await page.getByLabel('Who are you?').selectOption('demo.coordinator');
      await page.getByLabel('Passphrase').fill(DEMO_PARTNERSHIP.passphrase);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible({ timeout: 15_000 });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();

      // Only what happens from opening the meeting counts.
      const openedFrom = await pageNow(page);
      await page.getByTestId('meetings-table').getByRole('link').first().click();
      const agenda = page.getByTestId('agenda');
      await expect(agenda).toHaveAttribute('data-cases', String(CASES));
      const rows = agenda.getByRole('listitem');
      await expect(rows.first()).toHaveAttribute('aria-label', /^1\. /);
      await expect(rows.first()).toHaveAttribute('aria-setsize', String(CASES));
      const inPage = await rows.count();
      console.log(`Agenda of ${CASES} cases: ${inPage} rows in the page`);
      expect(inPage).toBeGreaterThan(4);
      expect(inPage).toBeLessThan(40);
      const opening = await mainThreadTimingsSince(page, openedFrom);
      console.log(`Opening: longest task ${Math.max(0, ...opening.longTasks.map((task) => task.duration)).toFixed(0)} ms`);
      expect(opening.longTasks.filter((task) => task.duration > 100)).toEqual([]);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath('agenda-at-scale.png') });

      // Keyboard: the second case moves down one place, stays focused, and the move is announced.
      const second = rows.nth(1);
      const secondName = ((await second.getAttribute('aria-label')) ?? '').replace(/^\d+\. /, '');
      await second.focus();
      await page.keyboard.press('Alt+ArrowDown');
      await expect(page.getByRole('status').filter({ hasText: `${secondName} moved to position 3 of ${CASES}.` })).toBeAttached();
      await expect(agenda.getByRole('listitem', { name: `3. ${secondName}` })).toBeFocused();

      // Tab walks on past the rows first rendered: each focused row scrolls into view and brings the next ones in.
      const rowOfFocus = () => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? null);
      await rows.first().focus();
      let reached = 1;
      for (let presses = 0; presses < 4 * 12 && reached < 12; presses += 1) {
        await page.keyboard.press('Tab');
        const position = Number(await rowOfFocus());
        expect(position, 'Tab must stay in the agenda, in order').toBeGreaterThanOrEqual(reached);
        reached = position;
      }
      expect(reached).toBe(12);

      // The end of the page brings the last cases into the page; the first ones leave it.
      const scrolledFrom = await pageNow(page);
      // Rows are measured as they appear, so the page can grow a little after the first press, as
      // with any long page that loads as it scrolls: press again until the last case is in view.
      const lastCase = agenda.getByRole('listitem', { name: new RegExp(`^${CASES}\\. `) });
      await expect(async () => {
        await page.keyboard.press('Control+End');
        await expect(lastCase).toBeInViewport({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await expect(agenda.getByRole('listitem', { name: /^1\. / })).toHaveCount(0);
      expect(await rows.count()).toBeLessThan(40);
      const scrolling = await mainThreadTimingsSince(page, scrolledFrom);
      expect(scrolling.longTasks.filter((task) => task.duration > 100)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath('agenda-at-scale-end.png') });

      // Meeting mode: buttons for the cases around the current one only; Go to case reaches any other.
      await page.keyboard.press('Control+Home');
      await page.getByRole('link', { name: 'Open meeting mode' }).click();
      await page.getByRole('button', { name: 'Record attendance and start' }).click();
      const live = page.getByTestId('meeting-live');
      await expect(live.getByText(`Case 1 of ${CASES}`, { exact: true })).toBeVisible();
      const chips = page.getByRole('navigation', { name: 'Cases on the agenda' }).getByRole('listitem');
      await expect(chips).toHaveCount(15);
      await page.getByLabel(/^Go to case/).selectOption({ index: 299 });
      await page.getByRole('button', { name: 'Go', exact: true }).click();
      await expect(live.getByText(`Case 300 of ${CASES}`, { exact: true })).toBeVisible();
      await expect(chips).toHaveCount(15);
      await expect(chips.getByRole('button', { name: /^300\. / })).toHaveAttribute('aria-current', 'step');
      await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath('agenda-at-scale-live.png') });

      // Asking to end names the first ten cases not discussed, then how many more.
      await page.getByRole('button', { name: 'End the meeting' }).click();
      await expect(page.getByRole('alertdialog')).toContainText(`${CASES} cases were not discussed and will move to the next meeting:`);
      await expect(page.getByRole('alertdialog')).toContainText(`; and ${CASES - 10} more.`);
      await page.screenshot({ path: testInfo.outputPath('agenda-at-scale-end-dialog.png') });
      await page.keyboard.press('Escape');
      await expect(live.getByText(`Case 300 of ${CASES}`, { exact: true })).toBeVisible();
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
