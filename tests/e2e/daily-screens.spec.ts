import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { openDemoAs } from './demo-sign-in';
import { projectorShot } from './projector-shot';
import { expect, openApp, test } from './host-fixture';
import { activate } from './keyboard';

/** How many of these rows lie wholly inside the viewport, as the person sees the page without scrolling. */
async function rowsAboveTheFold(page: Page, rows: Locator): Promise<number> {
  const viewport = page.viewportSize();
  if (viewport === null) throw new Error('no viewport');
  let inside = 0;
  for (const box of await Promise.all((await rows.all()).map((row) => row.boundingBox())))
    if (box !== null && box.y >= 0 && box.y + box.height <= viewport.height) inside += 1;
  return inside;
}

/** Signs out and unlocks as a demo user, staying on the home page they land on. */
async function unlockHome(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out and lock' }).click();
  await page.getByLabel('Who are you?').selectOption(username);
  await page.getByLabel('Passphrase').fill(DEMO_PARTNERSHIP.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Issue 16 item 6: the worklist is the home page of the team; administrators start on the caseload. */
test('each team member lands on their worklist: reviews due and cases at the next meeting, risk flags only for those who may acknowledge', async ({
  page,
  host,
}, testInfo) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  // The administrator has no worklist (no clinical content) and starts on the caseload.
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Worklist' })).toHaveCount(0);

  // The coordinator chairs today's demo meeting: every case on its agenda is listed.
  await unlockHome(page, 'demo.coordinator');
  await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible({ timeout: 15_000 });
  await expect(nav.getByRole('link', { name: 'Worklist' })).toHaveAttribute('aria-current', 'page');
  const meeting = page.getByTestId('worklist-meeting');
  await expect(meeting.getByRole('heading', { level: 2 })).toHaveText('Your cases at the next meeting (4)');
  await expect(meeting.getByRole('listitem')).toHaveCount(4);
  // The coordinator cannot acknowledge a flag: no list of flags to acknowledge is offered.
  await expect(page.getByTestId('worklist-risk')).toHaveCount(0);
  await expect(page.getByTestId('worklist-drafts')).toContainText('You have no unfinished drafts.');
  // The coordinator triages referrals: the worklist says how many wait and leads to the inbox.
  await expect(page.getByTestId('worklist-referrals').getByRole('heading', { level: 2 })).toHaveText(/^Referrals waiting \(\d+\)$/);
  await expectNoAxeViolations(page);

  // The coach: the reviews due for the people they coach (the "Due for review" rule), and their cases at the meeting.
  await unlockHome(page, 'demo.coach');
  await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible({ timeout: 15_000 });
  const reviews = page.getByTestId('worklist-reviews-table').locator('tbody tr');
  expect(await reviews.count()).toBeGreaterThan(0);
  await expect(reviews.first()).toContainText(/WW-\d{6}/);
  await expect(page.getByTestId('worklist-meeting').getByRole('listitem').first()).toContainText(/^Case \d+: /);
  await expect(page.getByTestId('worklist-risk')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1366, 768, 'worklist');
  await projectorShot(page, testInfo, 1920, 1080, 'worklist');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Everything on it is reachable by keyboard: a person's link opens their record.
  const firstPerson = page.getByTestId('worklist-reviews-table').getByRole('link').first();
  const name = (await firstPerson.innerText()).trim();
  await activate(page, firstPerson);
  const [family, given] = name.split(', ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${given} ${family}$`, 'i'));

  // The mental health practitioner may acknowledge: their list is there, and says so calmly when it is empty.
  await unlockHome(page, 'demo.mh');
  const risk = page.getByTestId('worklist-risk');
  await expect(risk.getByRole('heading', { level: 2 })).toHaveText(/^Overdue risk flags to acknowledge \(\d+\)$/);
  const flags = Number(/\((\d+)\)/.exec(await risk.getByRole('heading', { level: 2 }).innerText())?.[1]);
  if (flags === 0) await expect(risk).toContainText('No overdue risk flags.');
  else await expect(risk.getByRole('listitem')).toHaveCount(flags);
});

/** Issue 16 item 7: a patient banner fixed at the top of the record, and a contents list to each section. */
test('a record has a patient banner that stays in view and a contents list that jumps to consent', async ({ page, host }, testInfo) => {
  await openDemoAs(page, host, 'demo.coach');
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  const banner = page.getByTestId('patient-banner');
  await expect(banner).toContainText(/Born\d{1,2} \w+ \d{4} \(\d+ years\)/);
  await expect(banner).toContainText(/NHS number(\d{3} \d{3} \d{4}|Not recorded)/);
  await expect(banner).toContainText(/ReferenceWW-\d{6}/);
  await expect(banner).toContainText(/Coach/);
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1366, 768, 'record');

  const contents = page.getByTestId('record-contents');
  await activate(page, contents.getByRole('link', { name: 'Referral' }));
  await expect(page.locator('#record-referral')).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Referral' })).toBeInViewport();
  // Scrolled far down the record, the banner is still at the top of the screen.
  const box = await banner.boundingBox();
  expect(box?.y).toBe(0);
  await expect(banner).toBeInViewport();
  await projectorShot(page, testInfo, 1920, 1080, 'record-scrolled');

  await contents.getByRole('link', { name: 'Consent' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Consent' })).toBeInViewport();
  await expect(page.getByTestId('keyboard-shortcuts')).toContainText('Keyboard shortcuts');
});

/** Issue 16 item 8: at 1366x768 the caseload shows at least 10 people without scrolling. */
test('the caseload shows at least 10 people above the fold at 1366x768, with search and filters beside the table', async ({
  page,
  host,
}, testInfo) => {
  await openDemoAs(page, host, 'demo.coach');
  await page.setViewportSize({ width: 1366, height: 768 });
  const rows = page.getByTestId('caseload-table').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  expect(await rowsAboveTheFold(page, rows)).toBeGreaterThanOrEqual(10);
  // The search sits beside the table, not above it.
  const search = await page.getByLabel('Search by name, NHS number or reference').boundingBox();
  const table = await page.getByTestId('caseload-table').boundingBox();
  expect((search?.x ?? 0) + (search?.width ?? 0)).toBeLessThan(table?.x ?? 0);
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1366, 768, 'caseload');
  await projectorShot(page, testInfo, 1920, 1080, 'caseload');
  expect(await rowsAboveTheFold(page, rows)).toBeGreaterThanOrEqual(18);

  // "/" puts the cursor in the search, as the screen's shortcut list says.
  await page.getByRole('heading', { level: 1, name: 'Caseload' }).focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search by name, NHS number or reference')).toBeFocused();
  const shortcuts = page.getByTestId('keyboard-shortcuts');
  await shortcuts.getByText('Keyboard shortcuts').click();
  await expect(shortcuts).toContainText('Search the caseload');
  await expect(shortcuts).toContainText('Go to a person');
});
