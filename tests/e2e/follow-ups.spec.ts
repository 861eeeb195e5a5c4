import { expectNoAxeViolations } from './accessibility';
import { expect, test } from './host-fixture';
import { openDemoAs } from './demo-sign-in';
import { activate, chooseOption, tabTo, typeInto } from './keyboard';
import { projectorShot } from './projector-shot';

test('a coach sees a follow-up due on the worklist and records it by keyboard (issue 20 item 6)', async ({ page, host }, testInfo) => {
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
});
