import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, signInAs } from './demo-sign-in';
import { expect, test } from './host-fixture';

test('a physiotherapist drafts, signs and amends an assessment; the original stays readable with who, when and why', async ({
  page,
  host,
}, testInfo) => {
  await openDemoAs(page, host, 'demo.physio');

  await page.getByTestId('caseload-table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Discipline assessments' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a new physiotherapy assessment' }).click();

  // Bad input: blank findings are refused by the field, and what was typed stays.
  await page.getByLabel('Recommendations (optional)').fill('Six sessions; perching stool at the till.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the findings');
  await expect(page.getByLabel('Recommendations (optional)')).toHaveValue('Six sessions; perching stool at the till.');

  await page.getByLabel('Findings', { exact: true }).fill('Lumbar flexion to knee level; pain 6/10 standing.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  const card = page.getByTestId('discipline-assessment');
  await expect(card).toContainText('Draft');
  await expect(card).toContainText('Lumbar flexion to knee level');

  await card.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(card).toContainText('Once signed it cannot be edited');
  await expectNoAxeViolations(page);
  await card.getByRole('button', { name: 'Sign assessment' }).click();
  await expect(card).toContainText('Signed by Demo Physiotherapist');
  await expect(card.getByRole('button', { name: 'Edit draft' })).toHaveCount(0);

  await card.getByRole('button', { name: 'Amend' }).click();
  await page.getByLabel('Why are you amending it?').fill('Flexion was measured on the wrong side.');
  await page.getByLabel('Findings', { exact: true }).fill('Lumbar flexion to mid-shin; pain 6/10 standing.');
  await page.getByRole('button', { name: 'Save and sign the amendment' }).click();

  await expect(card).toContainText('Amended by Demo Physiotherapist');
  await expect(card).toContainText('Reason: Flexion was measured on the wrong side.');
  await expect(card).toContainText('Lumbar flexion to mid-shin');
  await card.getByText('See the original before amendment').click();
  await expect(card.getByRole('region', { name: 'Original version' })).toContainText('Lumbar flexion to knee level');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('amended-assessment.png'), fullPage: true });

  // Another discipline sees it but cannot amend it.
  await signInAs(page, 'demo.ot');
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  await expect(page.getByTestId('discipline-assessment')).toContainText('Lumbar flexion to mid-shin');
  await expect(page.getByTestId('discipline-assessment').getByRole('button', { name: 'Amend' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start a new occupational therapy assessment' })).toBeVisible();

  // The OT's unsigned draft is theirs alone: the physiotherapist sees whose draft it is, not its text.
  await page.getByRole('button', { name: 'Start a new occupational therapy assessment' }).click();
  await page.getByLabel('Findings', { exact: true }).fill('Grip strength reduced on the right.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('discipline-assessment').first()).toContainText('Grip strength reduced on the right.');
  await signInAs(page, 'demo.physio');
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  await expect(page.getByTestId('draft-by-other')).toContainText('Occupational therapy assessment: a draft by Demo Occupational Therapist');
  await expect(page.getByText('Grip strength reduced on the right.')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a coach amends a signed joined-up assessment with a reason; the original stays readable', async ({ page, host }) => {
  await openDemoAs(page, host, 'demo.coach');
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  await page.getByRole('button', { name: /^(Start the|Record a new) joined-up assessment$/ }).click();
  await page.getByLabel('Health conditions').fill('Low back pain.');
  await page.getByLabel('Main barrier to work').selectOption({ label: 'Musculoskeletal (for example back, neck or joint pain)' });
  await page.getByLabel('What matters to them, in their own words').fill('Keeping my job.');
  await page.getByLabel('Their goals, in their own words').fill('Full shifts by January.');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  const section = page.getByRole('region', { name: 'Joined-up assessment' });
  await expect(section).toContainText('Signed by Demo Coach');

  await section.getByRole('button', { name: 'Amend this assessment' }).click();
  await page.getByRole('button', { name: 'Save and sign the amendment' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter why the record is being amended');
  await page.getByLabel('Why are you amending it?').fill('The person corrected the month.');
  await page.getByLabel('Their goals, in their own words').fill('Full shifts by March.');
  await page.getByRole('button', { name: 'Save and sign the amendment' }).click();
  await expect(section).toContainText('Amended by Demo Coach');
  await expect(section).toContainText('Reason: The person corrected the month.');
  await expect(section).toContainText('Full shifts by March.');
  await section.getByText('See the original before amendment').click();
  await expect(section.getByRole('region', { name: 'Original version' })).toContainText('Full shifts by January.');
  await expectNoAxeViolations(page);
});
