import type { Locator, Page, TestInfo } from '@playwright/test';
import { addOneMonth } from '../../core/plans/due-shortcuts';
import { addDaysToIsoDate, formatCalendarDate } from '../../core/calendar-date';
import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, signInAs, startTodaysDemoMeeting } from './demo-sign-in';
import { expect, test } from './host-fixture';
import { projectorShot } from './projector-shot';
import { expectDate, readDate } from './date-input';
import { activate, chooseOption, tabTo, typeDate, typeInto } from './keyboard';
import { TEST_TODAY } from '../support/test-clock';

/**
 * Counts what a person does beyond typing words: every click, every key press that is not a
 * character typed into a text field (Tab, Enter, shortcuts and letters typed into a list all
 * count), and every choice made in a list (a mouse user opens it and picks: the click that opened
 * it is counted too).
 */
async function startCounting(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tally = { clicks: 0, keys: 0, choices: 0, typed: 0 };
    (window as unknown as { interactions: typeof tally }).interactions = tally;
    const typingField = (target: EventTarget | null) =>
      target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && ['text', 'search', ''].includes(target.type));
    document.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted && event.detail > 0) tally.clicks += 1;
      },
      true,
    );
    document.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted) return;
        if (event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey && typingField(event.target)) tally.typed += 1;
        else tally.keys += 1;
      },
      true,
    );
    document.addEventListener(
      'change',
      (event) => {
        if (event.target instanceof HTMLSelectElement) tally.choices += 1;
      },
      true,
    );
  });
}

async function counted(page: Page): Promise<{ clicks: number; keys: number; choices: number; typed: number }> {
  return page.evaluate(() => ({
    ...(window as unknown as { interactions: { clicks: number; keys: number; choices: number; typed: number } }).interactions,
  }));
}

/** Opens a list with the mouse and picks an option: two interactions, as in life. */
async function pick(select: Locator, label: string | RegExp): Promise<void> {
  await select.click();
  await select.selectOption({
    label: typeof label === 'string' ? label : ((await select.locator('option').filter({ hasText: label }).first().textContent()) ?? ''),
  });
}

/** Stops the page's clock a second ahead of its own time, so the timers move only when the test says. */
async function pauseClock(page: Page): Promise<void> {
  // The browser's own clock, which Playwright controls: not the app's date.
  // eslint-disable-next-line no-restricted-syntax
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/**
 * The coach records the first case's fit note on the person's record by keyboard alone (issue 20
 * item 2): saving it empty first names each field, then the dates go in the NHS date inputs. The
 * record then shows it plainly; returns that line.
 */
async function recordFitNoteByKeyboard(page: Page, testInfo: TestInfo): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByTestId('meetings-table').getByRole('link').first().click();
  await page.getByTestId('agenda').getByRole('link').first().click();
  await activate(page, page.getByTestId('record-contents').getByRole('link', { name: 'Fit notes' }));
  const section = page.getByTestId('fit-notes-section');
  await expect(section).toContainText('No fit note recorded.');
  await activate(page, section.getByRole('button', { name: 'Record a fit note' }));
  const form = section.getByTestId('fit-note-form');
  await expect(form.getByRole('group', { name: 'Date issued' }).getByLabel('Day', { exact: true })).toBeFocused();
  await activate(page, form.getByRole('button', { name: 'Save fit note' }));
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Choose not fit for work, or may be fit for work');
  await expect(problems).toContainText('Choose who issued the fit note');
  await expect(form.locator('.nhsuk-error-message').first()).toBeVisible();
  await expectNoAxeViolations(page);

  const from = addDaysToIsoDate(TEST_TODAY, -4);
  const to = addDaysToIsoDate(TEST_TODAY, 24);
  await typeDate(page, form, 'Date issued', from);
  await typeDate(page, form, 'Period from', from);
  await typeDate(page, form, 'Period to', to);
  await tabTo(page, form.getByLabel('Not fit for work'));
  await page.keyboard.press('Space');
  await tabTo(page, form.getByRole('group', { name: /assess their fitness for work again/ }).getByLabel('Yes'));
  await page.keyboard.press('Space');
  await chooseOption(page, form.getByLabel('Issued by'), 'GP', 'GP practice');
  await chooseOption(page, form.getByLabel('Issuer’s profession'), 'D', 'Doctor');
  // Tab reaches a group's first radio; the arrow keys choose within it, as with any radios.
  const conversation = form.getByRole('group', { name: 'Did it come from a fit-note conversation?' });
  await tabTo(page, conversation.getByLabel('Yes'));
  await page.keyboard.press('ArrowDown');
  await expect(conversation.getByLabel('No')).toBeChecked();
  await activate(page, form.getByRole('button', { name: 'Save fit note' }));
  const line = `Not fit for work from ${formatCalendarDate(from)} to ${formatCalendarDate(to)} · GP`;
  await expect(section.getByTestId('current-fit-note')).toHaveText(`Current fit note: ${line}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Fit notes' })).toBeFocused();
  await expect(page.getByTestId('patient-banner')).toContainText('Not fit for work to');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate(() => {
    const heading = document.getElementById('fit-notes-section');
    const banner = document.querySelector('[data-testid="patient-banner"]');
    if (heading !== null && banner !== null)
      window.scrollBy(0, heading.getBoundingClientRect().top - banner.getBoundingClientRect().bottom - 16);
  });
  await projectorShot(page, testInfo, 1366, 768, 'record-fit-notes');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // The GP renews it with no end date: "No end date (indefinite)" is a choice of its own, and the
  // date it replaces goes; the record, the banner and (below) the case summary say "no end date".
  await activate(page, section.getByRole('button', { name: /^Correct/ }));
  const correction = section.getByTestId('fit-note-form');
  await tabTo(page, correction.getByLabel('No end date (indefinite)'));
  await page.keyboard.press('Space');
  await expect(correction.getByRole('group', { name: 'Period to' })).toHaveCount(0);
  await typeInto(page, correction.getByLabel('Why it is being corrected'), 'The GP reissued it with no end date.');
  await activate(page, correction.getByRole('button', { name: 'Save correction' }));
  const indefinite = `Not fit for work from ${formatCalendarDate(from)}, no end date · GP`;
  await expect(section.getByTestId('current-fit-note')).toHaveText(`Current fit note: ${indefinite}`);
  await expect(page.getByTestId('patient-banner')).toContainText('Not fit for work with no end date');
  await expectNoAxeViolations(page);
  return indefinite;
}

test('meeting mode: the meeting clock warns the cases will not fit, the case timer keeps its time, the bar stays in view, the summary shows each discipline; P presents, keeping an open risk flag; four actions across three disciplines drafted and agreed in under 20 interactions; an administrator adds to the action library in Settings; a fit note recorded by keyboard on the record shows its dates in the case summary', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(210_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  await openDemoAs(page, host, 'demo.coach');
  const fitNoteLine = await recordFitNoteByKeyboard(page, testInfo);
  await signInAs(page, 'demo.coordinator');
  const live = await startTodaysDemoMeeting(page);

  // The whole meeting fills the projector's width, with the case bar, timer and meeting clock on top.
  expect((await live.boundingBox())?.width).toBeGreaterThan(1700);
  const clock = live.getByTestId('meeting-clock');
  await pauseClock(page);
  await page.clock.runFor(65_000);
  await expect(live.getByRole('timer')).toHaveAttribute('aria-label', /^Time on this case: 1:0\d of 8 minutes/);
  // The demo meeting is booked for 30 minutes: 4 cases x 8 minutes will not fit, and the chair is told.
  await expect(clock).toContainText(/28 min left · 4 cases left · 7 min each/);
  await expect(clock).toContainText('Will not fit: 4 × 8 min = 32 min in 28 min left');

  // The case summary: the person's details, each discipline's assessment, scores with their trend.
  const summary = page.getByTestId('case-summary');
  await expect(summary.getByTestId('case-details')).toContainText(/Age\s*\d+ \(born /);
  await expect(summary.getByTestId('case-details')).toContainText('Coach');
  await expect(summary.getByTestId('case-details')).toContainText('Referred');
  // Issue 16 item 3: the current fit note's status and dates, not "dates not recorded".
  await expect(summary.getByTestId('case-details')).toContainText(`Fit note${fitNoteLine}`);
  const showDetails = async () =>
    page.evaluate(() => {
      const details = document.querySelector('[data-testid="case-details"]');
      const bar = document.querySelector('.ww-live__bar');
      if (details !== null && bar !== null)
        window.scrollBy(0, details.getBoundingClientRect().top - bar.getBoundingClientRect().height - 16);
    });
  await page.setViewportSize({ width: 1366, height: 768 });
  await showDetails();
  await projectorShot(page, testInfo, 1366, 768, 'meeting-mode-fit-note');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const title of ['Physiotherapy assessment', 'Mental health assessment', 'Occupational therapy assessment'])
    await expect(summary.getByRole('region', { name: title })).toBeVisible();

  // The case bar and the timer stay in view when the page scrolls.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(live.getByRole('timer')).toBeInViewport();
  await expect(clock).toBeInViewport();

  // To the next case and back: the first case's timer kept its time.
  await page.keyboard.press('Alt+N');
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
  await page.clock.runFor(5_000);
  await expect(live.getByRole('timer')).toHaveAttribute('aria-label', /^Time on this case: 0:0[5-7] of 8 minutes/);
  await page.keyboard.press('Alt+P');
  await expect(live.getByText('Case 1 of 4', { exact: true })).toBeVisible();
  await expect(live.getByRole('timer')).toHaveAttribute('aria-label', /^Time on this case: 1:0\d of 8 minutes/);
  await page.clock.resume();
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await projectorShot(page, testInfo, 1920, 1080, 'meeting-mode-clock');
  await projectorShot(page, testInfo, 1366, 768, 'meeting-mode-clock');

  // The presentation view: listed among the shortcuts, P opens it, no header or navigation, large type.
  await live.getByText('Keyboard shortcuts').click();
  await expect(live.locator('.ww-shortcuts')).toContainText('Presentation view for the projector');
  await live.getByRole('heading', { level: 2 }).first().focus();
  await page.keyboard.press('p');
  const presenting = page.getByTestId('presentation-view');
  await expect(presenting.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(presenting).toContainText('In their own words');
  // The first case has an open PHQ-9 risk flag: it still shows, the one banner the view keeps.
  await expect(presenting.getByTestId('presentation-risk')).toContainText('Open risk flag');
  await projectorShot(page, testInfo, 1366, 768, 'presentation-view');
  await projectorShot(page, testInfo, 1920, 1080, 'presentation-view');
  const nameSize = await presenting
    .getByRole('heading', { level: 2 })
    .evaluate((heading) => parseFloat(getComputedStyle(heading).fontSize));
  expect(nameSize).toBeGreaterThanOrEqual(48);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(live.getByRole('heading', { level: 2 }).first()).toBeFocused();
  await expect(page.getByRole('banner')).toBeVisible();

  // Case 2: the plan as a table. Counting starts at "Start the action plan".
  await page.keyboard.press('Alt+N');
  await expect(live.getByText('Case 2 of 4', { exact: true })).toBeVisible();
  await startCounting(page);
  await live.getByRole('button', { name: 'Start the action plan' }).click();
  // A goal from the person's own words, already on screen in the summary.
  const useWords = page.getByRole('button', { name: /^Use their words as a goal: / });
  const words = ((await useWords.first().textContent()) ?? '').replace(/^Use their words as a goal: “|”$/g, '');
  await useWords.first().click();
  await expect(page.getByLabel('Goal 1')).toHaveValue(
    words.replace(/…$/, '').length > 0 ? new RegExp(`^${escapeRegExp(words.replace(/…$/, ''))}`) : /./,
  );
  // Three actions from the library, one press each: discipline, kind and due date filled, and the
  // owner too where only one person of that discipline is here.
  const library = page.getByTestId('action-library');
  await library.getByRole('button', { name: 'Six physiotherapy sessions with a home exercise programme' }).click();
  await library.getByRole('button', { name: 'Workplace assessment and a graded return plan' }).click();
  await library.getByRole('button', { name: 'Four sessions of guided self-help for low mood' }).click();
  // Two mental health practitioners are present: the team says which.
  await expect(page.getByLabel('Responsible professional, action 3')).toBeFocused();
  await pick(page.getByLabel('Responsible professional, action 3'), 'Tom Achterberg (Mental health)');
  // A fourth action typed: the owner implies the discipline; the due date by shortcut.
  await page.getByRole('button', { name: 'Add an action' }).click();
  await expect(page.getByLabel('What will be done, action 4')).toBeFocused();
  await page.keyboard.type('Check the desk and chair set-up at work');
  await pick(page.getByLabel('Responsible professional, action 4'), 'Priya Lindqvist (Physiotherapy)');
  await page.getByRole('button', { name: 'Due in 2 weeks, action 4' }).click();
  await page.getByRole('button', { name: 'Review in 1 month' }).click();

  const discipline = (row: number) => page.getByLabel(`Discipline, action ${row}`).locator('option:checked');
  await expect(discipline(1)).toHaveText('Physiotherapy');
  await expect(discipline(2)).toHaveText('Occupational therapy');
  await expect(discipline(3)).toHaveText('Mental health');
  await expect(discipline(4)).toHaveText('Physiotherapy');
  await expect(page.getByLabel('Responsible professional, action 1').locator('option:checked')).toHaveText(
    'Priya Lindqvist (Physiotherapy)',
  );
  await expect(page.getByLabel('Responsible professional, action 2').locator('option:checked')).toHaveText(/^Aisha Brennan/);
  // Due dates from today in England: two weeks (the library's usual time and the shortcut agree), a month.
  // Each is the NHS date input (day, month, year), set by one press of a shortcut: no more interactions than before.
  const inTwoWeeks = await readDate(page, 'Due by, action 4');
  const today = addDaysToIsoDate(inTwoWeeks, -14);
  await expectDate(page, 'Due by, action 2', inTwoWeeks);
  await expectDate(page, 'Due by, action 1', addOneMonth(today));
  await expectDate(page, 'Review the plan by', addOneMonth(today));
  for (const row of [1, 2, 3, 4])
    await expect(page.getByLabel(`The goal it serves, action ${row}`).locator('option:checked')).toHaveText(/^Goal 1: /);
  await expectNoAxeViolations(page);
  // The table's top just under the sticky case bar.
  const showTable = async () =>
    page.evaluate(() => {
      const editor = document.querySelector('.ww-plan-editor .ww-library');
      const bar = document.querySelector('.ww-live__bar');
      if (editor !== null && bar !== null) window.scrollBy(0, editor.getBoundingClientRect().top - bar.getBoundingClientRect().height - 16);
    });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await showTable();
  await projectorShot(page, testInfo, 1920, 1080, 'plan-table');
  await page.setViewportSize({ width: 1366, height: 768 });
  await showTable();
  await projectorShot(page, testInfo, 1366, 768, 'plan-table');

  await page.getByRole('button', { name: 'Save draft plan' }).click();
  const panel = live.getByTestId('plan-panel');
  await expect(panel).toContainText('Draft');
  const drafted = await counted(page);
  const draftingInteractions = drafted.clicks + drafted.keys + drafted.choices;
  testInfo.annotations.push({ type: 'interactions to draft', description: JSON.stringify(drafted) });
  expect(drafted.typed).toBeGreaterThan(30);
  expect(draftingInteractions).toBeLessThan(20);

  // Agree it: attendance is already ticked; a second member checks it.
  await panel.getByRole('button', { name: 'Agree the plan' }).click();
  await pick(page.getByLabel('Checked by (a second member of the team)'), 'Priya Lindqvist');
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  await expect(panel).toContainText('Agreed by the MDT');
  const agreed = await counted(page);
  const total = agreed.clicks + agreed.keys + agreed.choices;
  testInfo.annotations.push({ type: 'interactions to draft and agree', description: JSON.stringify(agreed) });
  expect(total).toBeLessThan(20);

  // The plan in focus on the projector.
  await page.keyboard.press('p');
  await expect(presenting).toContainText('Four sessions of guided self-help for low mood');
  await expect(presenting).toContainText('Agreed by the MDT');
  await projectorShot(page, testInfo, 1920, 1080, 'presentation-view-plan');
  await projectorShot(page, testInfo, 1366, 768, 'presentation-view-plan');
  await page.keyboard.press('p');
  await expect(live.getByRole('heading', { level: 2 }).first()).toBeFocused();

  // Settings, Action library: an administrator adds a common action of a discipline.
  await signInAs(page, 'demo.admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Action library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action library' })).toBeVisible();
  const table = page.getByTestId('action-library-table');
  await expect(table).toContainText('Workplace assessment and a graded return plan');
  await page.getByRole('button', { name: 'Add a common action' }).click();
  await page.getByLabel('Discipline').selectOption({ label: 'Occupational therapy' });
  await page.getByLabel('What will be done').fill('Sensory assessment of the workplace');
  await page.getByLabel('Usually due').selectOption({ label: 'in 2 weeks' });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(table.getByRole('row', { name: /Sensory assessment of the workplace/ })).toContainText('Due in 2 weeks');
  await expectNoAxeViolations(page);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
