import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, startTodaysDemoMeeting } from './demo-sign-in';
import { expect, test } from './host-fixture';
import { activate, chooseOption, tabTo, typeDate, typeInto } from './keyboard';
import { projectorShot } from './projector-shot';

/** What to type into a select, and the option that should then be chosen. */
type Choice = [typed: string, expected: string | RegExp];

/** Adds one action as a new row of the plan table, entirely from the keyboard: the owner implies the discipline. */
async function addAction(
  page: Page,
  index: number,
  action: { kind?: Choice; discipline: Choice; what: string; service?: Choice; owner: Choice; due: string },
) {
  await activate(page, page.getByRole('button', { name: 'Add an action' }));
  await expect(page.getByLabel(`What will be done, action ${index}`)).toBeFocused();
  await page.keyboard.type(action.what);
  await chooseOption(page, page.getByLabel(`Responsible professional, action ${index}`), ...action.owner);
  await expect(page.getByLabel(`Discipline, action ${index}`).locator('option:checked')).toHaveText(action.discipline[1]);
  await typeDate(page, page, `Due by, action ${index}`, action.due);
  if (action.service !== undefined)
    await chooseOption(page, page.getByLabel(`Service from the directory, action ${index}`), ...action.service);
  if (action.kind !== undefined) await chooseOption(page, page.getByLabel(`Kind of action, action ${index}`), ...action.kind);
}

/** Stops the page's clock a second ahead of its own time, so typing cannot trigger the autosave until the test says. */
async function pauseClock(page: Page): Promise<void> {
  // The browser's own clock, which Playwright controls: not the app's date.
  // eslint-disable-next-line no-restricted-syntax
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/** The case on screen: its name as shown ("FAMILY, Given") and its reference, which the minutes name it by. */
async function currentCase(live: Locator): Promise<{ name: string; reference: RegExp }> {
  const heading = (await live.getByRole('heading', { level: 2 }).first().innerText()).trim();
  const reference = /\S+$/.exec(heading)?.[0] ?? heading;
  return { name: heading.slice(0, heading.length - reference.length).trim(), reference: new RegExp(reference) };
}

test('a coordinator runs a whole meeting by keyboard only: attendance, three cases, a plan agreed across disciplines, end, and the case not reached is on the next agenda', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.clock.install();
  await openDemoAs(page, host, 'demo.coordinator');

  // The meeting the demo planned for today, from the main navigation.
  await activate(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeFocused();
  await expectNoAxeViolations(page);
  await activate(page, page.getByTestId('meetings-table').getByRole('link').first());
  await expect(page.getByRole('heading', { level: 1, name: /^Meeting on / })).toBeFocused();
  const agenda = page.getByTestId('agenda');
  await expect(agenda.getByRole('listitem')).toHaveCount(4);
  // Complex cases first: the open risk flag leads.
  await expect(agenda.getByRole('listitem').first()).toContainText('Risk flag');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('agenda.png'), fullPage: true });

  // Reorder by keyboard: Alt+Down on a focused case, announced, then back with Alt+Up.
  const second = agenda.getByRole('listitem').nth(1);
  const secondLabel = (await second.getAttribute('aria-label'))?.replace(/^2\. /, '') ?? '';
  await tabTo(page, second);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: 'moved to position 3 of 4' })).toContainText(secondLabel);
  await expect(agenda.getByRole('listitem').nth(2)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAttribute('aria-label', `2. ${secondLabel}`);
  // The Move buttons do the same.
  await activate(page, agenda.getByRole('button', { name: `Move down ${secondLabel}` }));
  await expect(agenda.getByRole('listitem').nth(2)).toHaveAttribute('aria-label', `3. ${secondLabel}`);
  await activate(page, agenda.getByRole('button', { name: `Move up ${secondLabel}` }), { backwards: true });
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAttribute('aria-label', `2. ${secondLabel}`);
  await page.reload();
  await expect(page.getByTestId('agenda').getByRole('listitem').nth(1)).toHaveAttribute('aria-label', `2. ${secondLabel}`);

  // Meeting mode: attendance first (Sam Okafor-Reid sent apologies).
  await activate(page, page.getByRole('link', { name: 'Open meeting mode' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Who is here?' })).toBeVisible();
  await tabTo(page, page.getByLabel('Sam Okafor-Reid, Work and Health Coach'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Sam Okafor-Reid, Work and Health Coach')).not.toBeChecked();
  await expectNoAxeViolations(page);
  await activate(page, page.getByRole('button', { name: 'Record attendance and start' }));

  const live = page.getByTestId('meeting-live');
  await expect(live.getByText('Case 1 of 4', { exact: true })).toBeVisible();
  await expect(page.getByTestId('risk-flag-banner')).toBeVisible();
  await expect(page.getByTestId('case-summary')).toContainText('In their own words');
  await expect(page.getByTestId('case-summary')).toContainText('PHQ-9');
  const firstCase = await currentCase(live);

  // Case 1: notes and decisions typed live; they save themselves a moment after typing stops.
  await pauseClock(page);
  await page.keyboard.press('Alt+J');
  await expect(live.getByLabel('Discussion notes')).toBeFocused();
  await page.keyboard.type('Risk flag reviewed by Tom today; low mood and debt are the main barriers.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mental health to call this week; bring back once the risk review is recorded.');
  await expect(live.getByText('Not saved yet')).toBeVisible();
  await page.clock.runFor(2000);
  await expect(live.getByText(/^Saved at /)).toBeVisible();
  // The per-case timer counts against the 8 minutes allotted.
  await page.clock.runFor(65_000);
  await expect(live.getByRole('timer')).toHaveAttribute('aria-label', /1:0\d of 8 minutes/);
  // axe needs real timers.
  await page.clock.resume();
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1920, 1080, 'meeting-mode');
  await projectorShot(page, testInfo, 1366, 768, 'meeting-mode');

  // Case 2: a plan with physiotherapy, mental health, OT and an onward referral, agreed in the meeting.
  await page.keyboard.press('Alt+N');
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
  await expect(live.getByRole('heading', { level: 2 }).first()).toBeFocused();
  await expect(live.getByRole('timer')).toHaveAttribute('aria-label', /0:0\d of 8 minutes/);
  await activate(page, live.getByRole('button', { name: 'Start the action plan' }));
  await activate(page, page.getByRole('button', { name: 'Add a goal' }));
  await expect(page.getByLabel('Goal 1')).toBeFocused();
  await page.keyboard.type('Back to full shifts by February');
  await addAction(page, 1, {
    discipline: ['Phys', 'Physiotherapy'],
    what: 'Six physiotherapy sessions for low back pain',
    owner: ['Pri', 'Priya Lindqvist (Physiotherapy)'],
    due: '2027-01-15',
  });
  await addAction(page, 2, {
    discipline: ['Men', 'Mental health'],
    what: 'Four sessions of guided self-help for low mood',
    owner: ['Tom', 'Tom Achterberg (Mental health)'],
    due: '2027-01-31',
  });
  await addAction(page, 3, {
    discipline: ['Occ', 'Occupational therapy'],
    what: 'Workplace assessment and a graded return plan',
    owner: ['Ais', 'Aisha Brennan (Occupational therapy)'],
    due: '2026-12-20',
  });
  await addAction(page, 4, {
    kind: ['On', 'Onward referral to a service'],
    discipline: ['Emp', /^Employment support/],
    what: 'Refer for free debt advice',
    service: ['Five', 'Five Towns Money Advice'],
    owner: ['Sam', /^Sam Okafor-Reid/],
    due: '2026-12-05',
  });
  await typeDate(page, page, 'Review the plan by', '2027-02-01');
  await expectNoAxeViolations(page);
  await activate(page, page.getByRole('button', { name: 'Save draft plan' }));
  const panel = live.getByTestId('plan-panel');
  await expect(panel).toContainText('Draft');
  await activate(page, panel.getByRole('button', { name: 'Agree the plan' }));
  // In a meeting, the attendance is already ticked.
  await expect(page.getByLabel('Priya Lindqvist, Musculoskeletal physiotherapist')).toBeChecked();
  await chooseOption(page, page.getByLabel('Checked by (a second member of the team)'), 'Pri', 'Priya Lindqvist');
  await activate(page, page.getByRole('button', { name: 'Agree the plan' }));
  await expect(panel).toContainText('Agreed by the MDT');
  await projectorShot(page, testInfo, 1920, 1080, 'meeting-mode-plan-agreed');
  await page.setViewportSize({ width: 1366, height: 768 });
  const secondCase = await currentCase(live);

  // Case 3: notes typed, then straight to ending the meeting before they have saved: it asks first.
  await page.keyboard.press('Alt+N');
  await expect(live.getByText('Case 3 of 4', { exact: true })).toBeVisible();
  await pauseClock(page);
  await page.keyboard.press('Alt+J');
  await page.keyboard.type('Waiting for the GP letter about the panic attacks.');
  const thirdCase = await currentCase(live);
  await activate(page, live.getByRole('button', { name: 'End the meeting' }));
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'There are unsaved notes' })).toBeFocused();
  await expect(dialog).toContainText(`The notes on ${thirdCase.name} have not been saved yet.`);
  await expect(dialog).toContainText('1 case was not discussed and will move to the next meeting');
  await page.clock.resume();
  await expectNoAxeViolations(page);
  await activate(page, dialog.getByRole('button', { name: 'Save the notes and end the meeting' }));

  // The minutes: attendance, each case's outcome and every action agreed with owner and due date.
  await expect(page.getByRole('heading', { level: 1, name: /^Minutes of the meeting on / })).toBeVisible();
  const minutes = page.getByTestId('minutes');
  await expect(minutes).toContainText('Apologies');
  await expect(minutes).toContainText('Sam Okafor-Reid');
  await expect(minutes.getByRole('region', { name: firstCase.reference })).toContainText('Mental health to call this week');
  const planned = minutes.getByRole('region', { name: secondCase.reference });
  await expect(planned).toContainText('Plan agreed (version 1, checked by Priya Lindqvist)');
  for (const text of [
    'Priya Lindqvist',
    '15 January 2027',
    'Tom Achterberg',
    'Aisha Brennan',
    'Five Towns Money Advice',
    'Sam Okafor-Reid',
  ])
    await expect(planned).toContainText(text);
  await expect(minutes.getByRole('region', { name: thirdCase.reference })).toContainText('Waiting for the GP letter');
  await expect(minutes).toContainText('Not reached (moved to the next meeting)');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('minutes.png'), fullPage: true });

  // The case not reached is on the next meeting's agenda, marked as carried over.
  await activate(page, minutes.getByRole('link', { name: /^Moved to the meeting on / }));
  await expect(page.getByRole('heading', { level: 1, name: /^Meeting on / })).toBeFocused();
  await expect(page.getByTestId('agenda').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('agenda').getByRole('listitem').first()).toContainText('Carried over');
});

test('the agenda reorders by drag; triage refuses to list a case without consent to the service and records what is missing; a meeting is planned; the follow-up list opens from the navigation', async ({
  page,
  host,
}, testInfo) => {
  await openDemoAs(page, host, 'demo.coordinator');
  const nav = page.getByRole('navigation', { name: 'Main' });

  // The agenda can also be reordered by dragging a case onto another's place; the order is kept.
  await nav.getByRole('link', { name: 'Meetings' }).click();
  await page.getByTestId('meetings-table').getByRole('link').first().click();
  const agenda = page.getByTestId('agenda');
  const labels = async () =>
    await agenda.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')?.replace(/^\d+\. /, '')));
  const [first, second, third] = await labels();
  await agenda.getByRole('listitem').nth(0).dragTo(agenda.getByRole('listitem').nth(2));
  await expect.poll(labels).toEqual([second, third, first, expect.any(String)]);
  await page.reload();
  await expect.poll(labels).toEqual([second, third, first, expect.any(String)]);

  await activate(page, nav.getByRole('link', { name: 'Triage' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Triage' })).toHaveAttribute('aria-current', 'page');
  const queue = page.getByTestId('triage-table');
  const notReady = page.getByTestId('triage-not-ready-table');
  await expect(queue.getByRole('row', { name: /Full discussion at a meeting/ })).toHaveCount(4);
  // Ready means the minimum data is complete: everyone missing something is listed apart, saying what.
  await expect(queue.getByText(/^Missing:/)).toHaveCount(0);
  await expect(notReady.locator('tbody tr').filter({ hasNotText: 'Missing:' })).toHaveCount(0);
  await expect(notReady.locator('tbody tr')).not.toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('triage.png') });

  // The demo case with an assessment but no consent yet.
  const row = notReady.getByRole('row', { name: /Missing: consent to the service/ }).filter({ hasNotText: 'joined-up' });
  await expect(row).toHaveCount(1);
  await activate(page, row.getByRole('button', { name: /^Triage / }));
  await expect(page.getByLabel('Not ready yet')).toBeChecked();
  await expect(page.getByLabel('Consent to the service')).toBeChecked();
  await tabTo(page, page.getByLabel('Not ready yet'));
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Full discussion at a meeting')).toBeChecked();
  await expect(page.getByLabel('Meeting', { exact: true }).locator('option:checked')).toHaveText(/chaired by Morgan Haldane/);
  await activate(page, page.getByRole('button', { name: 'Save triage decision' }));
  await expect(page.getByRole('alert')).toContainText(
    'This case cannot be listed for discussion yet: it needs consent to the service in force.',
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('triage-refused.png'), fullPage: true });

  await tabTo(page, page.getByLabel('Full discussion at a meeting'), { backwards: true });
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Not ready yet')).toBeChecked();
  await tabTo(page, page.getByLabel('Baseline outcome measures'));
  await page.keyboard.press('Space');
  await typeInto(page, page.getByLabel('Note (optional)'), 'Coach to record consent at Friday’s appointment.');
  await activate(page, page.getByRole('button', { name: 'Save triage decision' }));
  await expect(page.getByRole('status').filter({ hasText: 'Triage decision saved' })).toBeVisible();
  await expect(notReady.getByRole('row', { name: /Coach to record consent/ })).toContainText('Not ready yet');

  // Plan the next meeting.
  await activate(page, nav.getByRole('link', { name: 'Meetings' }));
  await activate(page, page.getByRole('button', { name: 'Plan a meeting' }));
  await expect(page.getByLabel('Chair').locator('option:checked')).toHaveText(/^Morgan Haldane/);
  await typeInto(page, page.getByLabel('Minutes for each case'), 'ten');
  await activate(page, page.getByRole('button', { name: 'Plan the meeting' }));
  await expect(page.getByRole('alert')).toContainText('Enter the minutes for each case as a whole number');
  await expect(page.getByLabel('Minutes for each case')).toHaveValue('ten');
  await expectNoAxeViolations(page);
  await typeInto(page, page.getByLabel('Minutes for each case'), '6');
  await activate(page, page.getByRole('button', { name: 'Plan the meeting' }));
  await expect(page.getByRole('heading', { level: 1, name: /^Meeting on / })).toBeFocused();
  await expect(page.getByText('No cases yet.')).toBeVisible();
  await expect(page.getByText('6 minutes')).toBeVisible();

  await activate(page, nav.getByRole('link', { name: 'Due for review' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Due for review' })).toBeFocused();
  const dueCaption = page.getByTestId('due-for-review-table').locator('caption');
  await expect(dueCaption).toHaveText(/^\d+ people due for review$/);
  const dueCount = Number((await dueCaption.innerText()).split(' ')[0]);
  await expectNoAxeViolations(page);
  // The caseload's "review due" filter shows the same people.
  await activate(page, nav.getByRole('link', { name: 'Caseload' }));
  await page.getByLabel('With a review due (today or overdue)').check();
  await expect(page.getByTestId('caseload-summary')).toHaveText(new RegExp(`^${dueCount} people match\\. Page 1 of \\d+\\.$`));
});

test('two people typing notes on the same case: the second is told, keeps their text to copy, and nothing is overwritten', async ({
  page,
  host,
}) => {
  await openDemoAs(page, host, 'demo.coordinator');
  const live = await startTodaysDemoMeeting(page);

  // A second window on the same meeting, opened before the first saves anything: opened from the
  // first (window.open copies the tab's session), as the host's session lives in the page, not a cookie.
  const [other] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate(() => {
      window.open(window.location.href, '_blank');
    }),
  ]);
  const otherLive = other.getByTestId('meeting-live');
  await expect(otherLive.getByText('Case 1 of 4', { exact: true })).toBeVisible();

  await live.getByLabel('Discussion notes').fill('First typist: agreed to refer to talking therapies.');
  await expect(live.getByText(/^Saved at /)).toBeVisible();

  await otherLive.getByLabel('Discussion notes').fill('Second typist: wait for the GP.');
  await expect(other.getByRole('alert')).toContainText('Someone else saved notes on this case since you started typing');
  await expect(otherLive.getByText('Not saved', { exact: true })).toBeVisible();
  await other.getByRole('button', { name: 'Show the saved notes' }).click();
  await expect(otherLive.getByLabel('Discussion notes')).toHaveValue('First typist: agreed to refer to talking therapies.');
  await expect(otherLive.getByText('What you typed (not saved): copy what you need')).toBeVisible();
  await expect(otherLive.getByText('Second typist: wait for the GP.')).toBeVisible();
  await expectNoAxeViolations(other);

  // Reopened, meeting mode resumes at the first case with nothing recorded; the first case kept the first typist's notes.
  await page.reload();
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
  await live.getByRole('button', { name: /^1\. .*\(notes taken\)$/ }).click();
  await expect(live.getByLabel('Discussion notes')).toHaveValue('First typist: agreed to refer to talking therapies.');
  await other.close();
});
