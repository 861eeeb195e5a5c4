import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, startTodaysDemoMeeting } from './demo-sign-in';
import { expect, test } from './host-fixture';

/** Issue 16 item 2: the idle lock warns first, and does not wreck the meeting. */
test('the idle lock warns with "Stay signed in", and afterwards the chair returns to the same case with its timer', async ({
  page,
  host,
}, testInfo) => {
  // A 30-second idle lock (announced in its last 10 seconds), waited for twice.
  test.setTimeout(240_000);
  process.env.WORKWELL_IDLE_LOCK_SECONDS = '30';
  let restarted;
  try {
    restarted = await host.restart();
  } finally {
    delete process.env.WORKWELL_IDLE_LOCK_SECONDS;
  }
  await openDemoAs(page, restarted, 'demo.coordinator');
  const live = await startTodaysDemoMeeting(page);
  await page.keyboard.press('Alt+KeyN');
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
  const caseName = (await live.getByRole('heading', { level: 2 }).first().innerText()).trim();

  // Nobody touches anything while the case is discussed: the warning comes before the lock.
  const warning = page.getByRole('alertdialog', { name: 'You will be signed out soon' });
  await expect(warning).toBeVisible({ timeout: 40_000 });
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('idle-warning.png') });
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();

  // This time no one answers: the store locks, the same person is offered, and the meeting comes back.
  await expect(warning).toBeVisible({ timeout: 40_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock WorkWell MDT' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Who are you?')).toHaveValue('demo.coordinator');
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type(DEMO_PARTNERSHIP.passphrase);
  await page.keyboard.press('Enter');
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(live.getByRole('heading', { level: 2 }).first()).toHaveText(caseName);
  // The case's timer kept the time it had run (well over 30 seconds), not 0:00.
  await expect(live.getByRole('timer')).toHaveAttribute('aria-label', /^Time on this case: (0:[3-5]\d|[1-9]\d*:\d\d) of 8 minutes/);
  await expectNoAxeViolations(page);
  // Leave nothing polling the host while it stops.
  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await page.goto('about:blank');
});
