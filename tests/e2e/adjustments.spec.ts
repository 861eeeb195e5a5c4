import { expectNoAxeViolations } from './accessibility';
import { openDemoAs, signInAs } from './demo-sign-in';
import { consentAndStartPlanAsOt } from './employer-case';
import { expect, test } from './host-fixture';
import { dateGroup, expectDate, fillDate } from './date-input';

/** Typed into the team note: it must never reach the employer. */
const TEAM_NOTE = 'Team only: low mood, PHQ-9 reviewed by the MH practitioner';

test('an OT drafts a phased return with two adjustments, previews the employer view, and it is blocked once consent is withdrawn', async ({
  page,
  host,
}, testInfo) => {
  // The coordinator records the person's consent to share adjustments with their employer.
  await openDemoAs(page, host, 'demo.coordinator');
  const personLink = page.getByTestId('caseload-table').getByRole('link').first();
  const name = (await personLink.innerText()).trim();
  await personLink.click();
  // Consent to share with the employer; the OT starts the plan the adjustments belong to.
  await consentAndStartPlanAsOt(page, name);
  const consent = page.getByTestId('consent-table');

  // Two adjustments from the library; the second is one Access to Work may fund.
  const section = page.getByTestId('adjustments-section');
  await section.getByRole('button', { name: 'Draft workplace adjustments' }).click();
  await section.getByRole('button', { name: 'Add an adjustment' }).click();
  const first = section.getByRole('group', { name: 'Adjustment 1' });
  await expect(first.getByLabel('Recommendation')).toBeFocused();
  await first.getByLabel('Recommendation').selectOption({ label: 'Graded hours (a week-by-week schedule)' });
  await expect(first.getByLabel('Fit note category')).toHaveValue('phased_return');
  await expect(first.getByTestId('access-to-work-prompt')).toHaveCount(0);
  await first.getByLabel('The need it answers').fill('Build up stamina for a full shift over three weeks');
  await fillDate(first, 'Starts on', '2026-12-07');
  await first.getByLabel('For how many weeks').fill('3');
  await fillDate(first, 'Review by', '2026-12-28');
  await first.getByLabel('Note for the team (optional)').fill(TEAM_NOTE);

  await section.getByRole('button', { name: 'Add an adjustment' }).click();
  const second = section.getByRole('group', { name: 'Adjustment 2' });
  await second.getByLabel('Recommendation').selectOption({ label: 'Assistive technology' });
  await expect(second.getByTestId('access-to-work-prompt')).toContainText('Access to Work may help');
  await expect(second.getByLabel('Fit note category')).toHaveValue('workplace_adaptations');
  await second.getByLabel('The need it answers').fill('Reading long documents on screen is tiring: text-to-speech software');
  await fillDate(second, 'Starts on', '2026-12-07');
  await second.getByLabel('For how many weeks').fill('12');
  await fillDate(second, 'Review by', '2027-03-01');

  // The schedule: week 2 over the contracted hours is refused by its cell, keeping what was typed.
  await section.getByLabel('Contracted hours a week').fill('37.5');
  await section.getByRole('button', { name: 'Add a graded return schedule' }).click();
  await expect(dateGroup(section, 'First day of the phased return').getByLabel('Day', { exact: true })).toBeFocused();
  // The schedule starts when the graded hours adjustment does: nothing to type again.
  await expectDate(section, 'First day of the phased return', '2026-12-07');
  await section.getByLabel('Week 1 hours').fill('15');
  await section.getByLabel('Week 1 duties').fill('Stock counts only');
  await section.getByRole('button', { name: 'Add a week' }).click();
  await expect(section.getByLabel('Week 2 hours')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('40');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Stock counts and packing');
  await section.getByRole('button', { name: 'Add a week' }).click();
  await section.getByLabel('Week 3 hours').fill('30');
  await section.getByLabel('Week 3 duties').fill('Packing, no lifting over 5 kg');
  await expect(section.getByTestId('schedule-builder')).toContainText('21 December 2026');
  await section.getByRole('button', { name: 'Save adjustments' }).click();
  await expect(page.getByRole('alert')).toContainText('Week 2: 40 hours is more than the contracted 37.5 hours a week');
  await expect(section.getByLabel('Week 2 hours')).toHaveValue('40');
  await expect(section.getByLabel('Week 2 hours')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await section.screenshot({ path: testInfo.outputPath('adjustments-editor.png') });
  await section.getByLabel('Week 2 hours').fill('22.5');
  await section.getByRole('button', { name: 'Save adjustments' }).click();

  const summary = section.getByTestId('adjustments-summary');
  await expect(summary).toContainText('Graded hours (a week-by-week schedule)');
  await expect(summary).toContainText('Access to Work may help pay for this');
  await expect(summary).toContainText(TEAM_NOTE);

  // A new AHP report starts from these adjustments: period, follow-up, categories and one row each.
  await section.getByRole('button', { name: 'Start an AHP Health and Work Report' }).click();
  await expectDate(section, 'Advice applies from', '2026-12-07');
  await expectDate(section, 'Until', '2027-03-01');
  await expectDate(section, 'Follow-up on (optional)', '2026-12-28');
  await expect(section.getByLabel('Phased return to work', { exact: true })).toBeChecked();
  await expect(section.getByLabel('Workplace adaptations', { exact: true })).toBeChecked();
  await expect(section.getByLabel('Difficulty 1', { exact: true })).toHaveValue('Build up stamina for a full shift over three weeks');
  await expect(section.getByLabel('Recommendation for difficulty 2')).toHaveValue('Assistive technology');
  await expect(section.getByLabel('Goal for difficulty 1')).toHaveValue('');
  await section.getByRole('button', { name: 'Cancel' }).click();

  // The employer view: needs, adjustments, schedule and contact; never the team note.
  const preview = section.getByTestId('employer-view');
  await preview.getByRole('button', { name: 'Preview the employer view' }).click();
  const document = preview.getByTestId('employer-document');
  await expect(document).toContainText('Build up stamina for a full shift over three weeks');
  await expect(document).toContainText('Assistive technology');
  await expect(document).toContainText('22.5');
  await expect(document).toContainText('Aisha Brennan');
  await expect(document).toContainText('28 December 2026');
  await expect(document).not.toContainText('PHQ');
  await expect(document).not.toContainText('low mood');
  await expectNoAxeViolations(page);
  await section.screenshot({ path: testInfo.outputPath('adjustments-and-employer-view.png') });

  // The coordinator has the preview open when the person withdraws consent: it is blocked at once.
  await signInAs(page, 'demo.coordinator');
  await page.getByTestId('caseload-table').getByRole('link', { name, exact: true }).click();
  await section.getByTestId('employer-view').getByRole('button', { name: 'Preview the employer view' }).click();
  await expect(section.getByTestId('employer-document')).toContainText('Assistive technology');
  await consent.getByRole('button', { name: 'Withdraw: Share agreed adjustments with the employer' }).click();
  await page.getByRole('button', { name: 'Save withdrawal' }).click();
  await expect(consent.getByRole('row', { name: /Share agreed adjustments with the employer/ })).toContainText('Withdrawn on');
  await expect(section.getByTestId('employer-view-blocked')).toContainText('Blocked: no consent to share with the employer');
  await expect(section.getByTestId('employer-document')).toHaveCount(0);
  await expect(section).toContainText('Consent to share adjustments with the employer: not in force');
  // Blocked, the letters cannot be downloaded, and the buttons say so rather than fail when pressed.
  const letters = section.getByTestId('download-employer-letter-pdf');
  await expect(letters.getByRole('button', { name: 'Download the draft letter (PDF)' })).toBeDisabled();
  await expect(letters.getByRole('button', { name: 'Download the final letter to send (PDF)' })).toBeDisabled();
  await expect(letters).toContainText('has not consented to sharing with the employer');
  await expect(section.getByTestId('employer-view-blocked')).toContainText('record their decision under Consent on this page');
  await expectNoAxeViolations(page);
  await section.getByTestId('employer-view').screenshot({ path: testInfo.outputPath('employer-view-blocked.png') });

  // The OT may not record consent: no consent buttons, and the blocked view says who can.
  await signInAs(page, 'demo.ot');
  await page.getByTestId('caseload-table').getByRole('link', { name, exact: true }).click();
  await expect(consent.getByRole('button')).toHaveCount(0);
  await expect(
    page.getByText('Only the Administrator, MDT coordinator / chair or Work and Health Coach can record or withdraw consent.'),
  ).toBeVisible();
  await section.getByTestId('employer-view').getByRole('button', { name: 'Preview the employer view' }).click();
  await expect(section.getByTestId('employer-view-blocked')).toContainText(
    'ask the Administrator, MDT coordinator / chair or Work and Health Coach to record their decision',
  );
  await expect(section.getByTestId('employer-view-blocked')).not.toContainText('under Consent on this page');
  await expectNoAxeViolations(page);
});

test('an OT drafts an AHP Health and Work Report, cannot sign it incomplete, then signs it with their HCPC registration', async ({
  page,
  host,
}, testInfo) => {
  await openDemoAs(page, host, 'demo.ot');
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  const section = page.getByTestId('adjustments-section');
  await section.getByRole('button', { name: 'Start an AHP Health and Work Report' }).click();
  await expect(section.getByLabel('May be fit for work, taking account of this advice')).toBeChecked();
  await fillDate(section, 'Advice applies from', '2026-12-07');
  await fillDate(section, 'Until', '2027-01-04');
  await fillDate(section, 'Follow-up on (optional)', '2027-01-04');
  await section.getByRole('button', { name: 'Add a difficulty' }).click();
  await expect(section.getByLabel('Difficulty 1', { exact: true })).toBeFocused();
  await page.keyboard.type('Standing at the packing bench for more than an hour');
  await section.getByLabel('Recommendation for difficulty 1').fill('A perching stool and a short break each hour');
  await section.getByLabel('Goal for difficulty 1').fill('Stand for a full shift by week 6');
  await expectNoAxeViolations(page);
  await section.getByRole('button', { name: 'Save draft report' }).click();

  const report = section.getByTestId('ahp-report');
  await expect(report).toContainText('Draft');
  await expect(report).toContainText('Added when signed');
  // Signing is asked for, then confirmed (it cannot be undone).
  await report.getByRole('button', { name: 'Sign the report' }).click();
  await expect(report.getByRole('group', { name: 'Important: Sign this report?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await report.getByRole('button', { name: 'Yes, sign the report' }).click();
  await expect(report.getByRole('alert')).toContainText('Tick at least one category of help');

  await report.getByRole('button', { name: 'Edit the draft report' }).click();
  await section.getByLabel('Amended duties').check();
  await section.getByLabel('Workplace adaptations').check();
  await section.getByRole('button', { name: 'Save draft report' }).click();
  await report.getByRole('button', { name: 'Sign the report' }).click();
  await report.getByRole('button', { name: 'Yes, sign the report' }).click();
  await expect(report).toContainText('Signed');
  await expect(report).toContainText('Aisha Brennan, Occupational therapist, HCPC OT99903');
  await expect(report).toContainText('Amended duties, Workplace adaptations');
  await expect(report.getByRole('button', { name: 'Edit the draft report' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await section.screenshot({ path: testInfo.outputPath('ahp-report-signed.png') });
});
