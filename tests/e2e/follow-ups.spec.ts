import { expectNoAxeViolations } from './accessibility';
import { expect, test } from './host-fixture';
import { openDemoAs } from './demo-sign-in';
import { fillDate, readDate } from './date-input';
import { activate, chooseOption, tabTo, typeInto } from './keyboard';
import { projectorShot } from './projector-shot';

test('a coach sees a follow-up due on the worklist and records it by keyboard; someone referred again keeps their earlier exit’s follow-up due (issue 20 items 6 and 4)', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  await openDemoAs(page, host, 'demo.coach');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible();

  // The demo's synthetic people left the service on many dates: some of the coach's are due a follow-up today.
  const part = page.getByTestId('worklist-follow-ups');
  await expect(part.getByRole('heading', { name: /Follow-ups due for your people/ })).toBeVisible();
  const row = part.getByTestId('worklist-follow-ups-table').getByRole('row').nth(1);
  await expect(row).toBeVisible();
  const person = row.getByRole('link');
  const name = (await person.textContent()) ?? '';
  const point = (await row.getByRole('cell').nth(0).textContent())?.startsWith('3-month') ? '3-month follow-up' : '6-month follow-up';
  await expect(row.getByText(/Overdue|Due soon/)).toBeVisible();
  await expectNoAxeViolations(page);

  // To the record by keyboard, and the follow-up's form.
  await activate(page, person);
  const section = page.getByTestId('follow-ups-section');
  await expect(section.getByRole('heading', { name: 'Follow-ups after exit' })).toBeVisible();
  await activate(page, section.getByRole('button', { name: `Record the ${point}` }));
  const form = page.getByTestId('follow-up-form');
  await expect(form.getByLabel('Day', { exact: true })).toBeFocused();

  // Saved unanswered: each message beside its field and in the summary, nothing recorded.
  await activate(page, form.getByRole('button', { name: 'Save follow-up' }));
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Choose how you contacted them, or tried to');
  await expect(summary).toContainText('Choose whether you spoke to them');
  await expect(form.locator('#follow-up-method-error')).toContainText('Choose how you contacted them');
  await expectNoAxeViolations(page);

  await chooseOption(page, form.getByLabel('How you contacted them, or tried to'), 'Ph', 'Phone');
  await tabTo(page, form.getByLabel('We spoke to them'));
  await page.keyboard.press('Space');
  await tabTo(page, form.getByLabel('In work', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, form.getByLabel('Yes', { exact: true }));
  await page.keyboard.press('Space');
  await typeInto(page, form.getByLabel('Hours a week (optional)'), '22.5');
  await typeInto(page, form.getByLabel('Note (optional)'), 'Back on the early shift; managing well.');
  await expectNoAxeViolations(page);
  await form.scrollIntoViewIfNeeded();
  await projectorShot(page, testInfo, 1366, 768, 'follow-up-form');
  await activate(page, form.getByRole('button', { name: 'Save follow-up' }));

  await expect(form).toHaveCount(0);
  const recorded = section.getByTestId(point.startsWith('3') ? 'follow-up-three_months' : 'follow-up-six_months');
  await expect(recorded.getByText('Recorded', { exact: true })).toBeVisible();
  await expect(recorded).toContainText('In work, same employer, 22.5 hours a week');
  await expect(recorded).toContainText('Recorded by Demo Coach');
  await expectNoAxeViolations(page);

  // The list of follow-ups due, reached from the worklist, no longer has it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
  await page.getByRole('link', { name: 'Everyone’s follow-ups due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups due' })).toBeVisible();
  const table = page.getByTestId('follow-ups-due-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: name }).filter({ hasText: point })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await projectorShot(page, testInfo, 1366, 768, 'follow-ups-due');

  // Someone else with a follow-up due is referred again (issue 20 item 4): registration's duplicate warning starts their
  // next episode, the new employer typed is saved over theirs, and the earlier exit's follow-up stays due.
  const otherRow = table
    .getByRole('row')
    .filter({ hasNot: page.getByRole('link', { name, exact: true }) })
    .nth(1);
  const otherName = (await otherRow.getByRole('link').textContent()) ?? '';
  const otherPoint = (await otherRow.getByRole('cell').nth(0).textContent())?.startsWith('3-month') ? 'three_months' : 'six_months';
  await otherRow.getByRole('link').click();
  await page.getByRole('button', { name: 'Change details and work' }).click();
  const details = page.getByRole('form', { name: 'Change details and work' });
  const returning = {
    given: await details.getByLabel('Given name').inputValue(),
    family: await details.getByLabel('Family name').inputValue(),
    born: await readDate(details, 'Date of birth'),
    nhs: await details.getByLabel('NHS number (optional)').inputValue(),
  };
  await details.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('button', { name: 'Register a referral' }).click();
  await page.getByLabel('Given name').fill(returning.given);
  await page.getByLabel('Family name').fill(returning.family);
  await fillDate(page, 'Date of birth', returning.born);
  await page.getByLabel('NHS number (optional)').fill(returning.nhs);
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByLabel('Employment status at first contact').selectOption({ label: 'In work' });
  await page.getByLabel('Employer (optional)').fill('Returning Example Ltd');
  await page.getByLabel('Referral route').selectOption({ label: 'Self-referral' });
  await page.getByLabel('Reason for referral').fill('Struggling again since a change of job.');
  await page.getByRole('button', { name: 'Register referral' }).click();
  await page
    .getByTestId('possible-duplicates')
    .getByRole('button', { name: /^Start a new episode for WW-\d{6} with this referral$/ })
    .click();
  await expect(page.getByTestId('patient-banner').getByText('Referred', { exact: true })).toBeVisible();
  await expect(page.locator('#record-work')).toContainText('Returning Example Ltd');
  const earlier = page.getByTestId('follow-ups-section').getByTestId('follow-ups-episode-1');
  // Left once so far: their exit is shown as before, now with a case open again beside it.
  await expect(earlier).toContainText('They left the service on');
  await expect(earlier.getByTestId(`follow-up-${otherPoint}`).getByText(/^(Overdue|Due soon)$/)).toBeVisible();
  await expect(
    earlier.getByRole('button', { name: `Record the ${otherPoint === 'three_months' ? 3 : 6}-month follow-up`, exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
  await page.getByRole('link', { name: 'Everyone’s follow-ups due' }).click();
  await expect(page.getByTestId('follow-ups-due-table').getByRole('row').filter({ hasText: otherName })).not.toHaveCount(0);
});
