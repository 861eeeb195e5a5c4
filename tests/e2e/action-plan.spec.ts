import { expectNoAxeViolations } from './accessibility';
import { openDemoAs } from './demo-sign-in';
import { expect, test } from './host-fixture';
import { fillDate } from './date-input';

test('a coordinator drafts a plan, cannot agree it without an owner and due date, agrees it, records the person’s agreement, then changes it as a new version', async ({
  page,
  host,
}, testInfo) => {
  await openDemoAs(page, host, 'demo.coordinator');
  await page.getByTestId('caseload-table').getByRole('link').first().click();

  await page.getByRole('button', { name: 'Start the action plan' }).click();
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await expect(page.getByLabel('Goal 1')).toBeFocused();
  await page.keyboard.type('Back to full shifts by February');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('Discipline, action 1').selectOption({ label: 'Physiotherapy' });
  await page.getByLabel('What will be done').fill('Six physiotherapy sessions for low back pain');
  await page.getByRole('button', { name: 'Save draft plan' }).click();

  const panel = page.getByTestId('plan-panel');
  await expect(panel).toContainText('Draft');
  await panel.getByRole('button', { name: 'Agree the plan' }).click();
  await page.getByLabel('Priya Lindqvist, Musculoskeletal physiotherapist').check();
  await page.getByLabel('Checked by (a second member of the team)').selectOption({ label: 'Priya Lindqvist' });
  await page.getByRole('button', { name: 'Agree the plan' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Action 1: choose who is responsible.');
  await expect(summary).toContainText('Action 1: give a due date.');
  await expect(summary).toContainText('Set a review date.');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await panel.getByRole('button', { name: 'Edit the draft plan' }).click();
  await page.getByLabel('Responsible professional').selectOption({ label: 'Priya Lindqvist (Physiotherapy)' });
  await fillDate(page, 'Due by, action 1', '2027-01-15');
  await fillDate(page, 'Review the plan by', '2027-02-01');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save draft plan' }).click();
  await panel.getByRole('button', { name: 'Agree the plan' }).click();
  await page.getByLabel('Priya Lindqvist, Musculoskeletal physiotherapist').check();
  await page.getByLabel('Checked by (a second member of the team)').selectOption({ label: 'Priya Lindqvist' });
  await page.getByRole('button', { name: 'Agree the plan' }).click();

  await expect(panel).toContainText('Agreed by the MDT');
  await expect(panel).toContainText('checked by Priya Lindqvist');
  await panel.getByRole('button', { name: 'Record the person’s agreement' }).click();
  await page.getByLabel('By phone').check();
  await page.getByRole('button', { name: 'Record their agreement' }).click();
  await expect(panel).toContainText('Agreed with the person');
  await panel.getByRole('button', { name: 'Start support (make the plan active)' }).click();
  await expect(panel).toContainText('Active');

  await panel.getByRole('button', { name: 'Change the plan (new version)' }).click();
  await fillDate(page, 'Due by, action 1', '2027-02-10');
  await page.getByRole('button', { name: 'Save draft plan' }).click();
  await expect(panel.getByRole('region', { name: 'The plan in force' })).toContainText('15 January 2027');
  await expect(panel.getByRole('region', { name: 'Draft plan' })).toContainText('10 February 2027');
  await panel.getByText('What changed from version 1').click();
  await expect(page.getByTestId('plan-differences')).toContainText('due date 15 January 2027 → 10 February 2027');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('plan-versions.png'), fullPage: true });
});
