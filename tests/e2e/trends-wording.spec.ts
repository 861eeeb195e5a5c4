import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { signInAs } from './demo-sign-in';
import { expect, openApp, test } from './host-fixture';
import { fillDate } from './date-input';

const PHQ_GAD_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

/** Synthetic stand-ins: real WSAS wording is copyright and never goes in the repository. */
const WSAS_ITEMS = [
  'Synthetic WSAS item about work',
  'Synthetic WSAS item about home management',
  'Synthetic WSAS item about social leisure',
  'Synthetic WSAS item about private leisure',
  'Synthetic WSAS item about close relationships',
];

async function openFirstPerson(page: Page): Promise<string> {
  const link = page.getByTestId('caseload-table').locator('tbody tr').first().getByRole('link');
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page.getByRole('heading', { name: 'Outcome measures' })).toBeVisible();
  return name;
}

/** Screenshots the whole measure form in a window tall enough that the sticky score sits in its own place. */
async function screenshotMeasureForm(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 1600 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.locator('form[aria-labelledby="measure-heading"]').screenshot({ path });
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function recordPhq9(page: Page, takenOn: string, answers: readonly number[], screenshotPath?: string): Promise<void> {
  await page.getByRole('button', { name: 'Record an outcome measure' }).click();
  await fillDate(page, 'Date completed', takenOn);
  for (const [index, value] of answers.entries()) {
    await page
      .getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })
      .getByLabel(PHQ_GAD_LABELS[value] ?? '', { exact: true })
      .check();
  }
  if (screenshotPath !== undefined) await screenshotMeasureForm(page, screenshotPath);
  await page.getByRole('button', { name: 'Save measure' }).click();
  await expect(page.getByRole('button', { name: 'Record an outcome measure' })).toBeVisible();
}

test('an administrator configures WSAS wording and a coach sees it; a clinician records two PHQ-9s and sees the trend and reliable improvement', async ({
  page,
  host,
}, testInfo) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  // Creating the demo (240 people, a key per demo user) can take a while on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });

  // The administrator (the demo opens as demo.admin) adds the partnership's licensed WSAS wording.
  await page.evaluate(() => {
    window.location.hash = '#/settings/measure-wording';
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Measure wording' })).toBeVisible();
  await expect(page.getByText('WSAS and MSK-HQ wording is licensed')).toBeVisible();
  await expect(page.getByTestId('wording-table').getByRole('row', { name: /WSAS/ })).toContainText('Placeholders');
  await page.getByLabel('Measure to edit').selectOption({ label: 'Work and Social Adjustment Scale (WSAS)' });

  // Saving with items left blank is refused field by field; a wrong paste says how many lines it needs.
  await page.getByRole('button', { name: 'Save wording' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the wording of item 1');
  await expect(page.getByRole('alert')).toContainText('Enter the wording of item 5');
  await page.getByLabel('Paste all 5 items at once (optional)').fill(WSAS_ITEMS.slice(0, 4).join('\n'));
  await page.getByRole('button', { name: 'Fill the items from the pasted lines' }).click();
  await expect(page.getByRole('alert')).toContainText('You pasted 4 lines: WSAS has 5 items, one per line');
  await expectNoAxeViolations(page);

  await page.getByLabel('Paste all 5 items at once (optional)').fill(WSAS_ITEMS.map((item, index) => `${index + 1}. ${item}`).join('\n'));
  await page.getByRole('button', { name: 'Fill the items from the pasted lines' }).click();
  await expect(page.getByLabel('Item 5', { exact: true })).toHaveValue(WSAS_ITEMS[4] ?? '');
  await page.getByLabel('Question above the items (optional)').fill('Synthetic stem: how much does your problem affect each area?');
  await page.getByLabel('Answer scoring 0').fill('Synthetic: not at all');
  await page.getByLabel('Answer scoring 8').fill('Synthetic: very severely');
  await page.getByRole('button', { name: 'Save wording' }).click();
  await expect(page.getByTestId('wording-saved')).toContainText('WSAS wording saved');
  await expect(page.getByTestId('wording-table').getByRole('row', { name: /WSAS/ })).toContainText('Your partnership’s wording');
  await expect(page.getByTestId('wording-table').getByRole('row', { name: /WSAS/ })).toContainText('Demo Administrator');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('measure-wording-settings.png'), fullPage: true });

  // A coach opens someone's record and sees the configured wording in the WSAS form.
  await signInAs(page, 'demo.coach');
  await page.evaluate(() => {
    window.location.hash = '#/settings/measure-wording';
  });
  await expect(page.getByText('Only an administrator can change the wording of outcome measures.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the caseload' }).click();
  const person = await openFirstPerson(page);
  await page.getByRole('button', { name: 'Record an outcome measure' }).click();
  await page.getByLabel('Measure', { exact: true }).selectOption('wsas');
  await expect(page.getByText('Synthetic stem: how much does your problem affect each area?')).toBeVisible();
  await expect(page.getByText('Wording set by your partnership.')).toBeVisible();
  for (const [index, item] of WSAS_ITEMS.entries()) {
    await expect(page.getByRole('group', { name: `${index + 1}. ${item}` })).toBeVisible();
  }
  const firstRow = page.getByRole('group', { name: `1. ${WSAS_ITEMS[0]}` });
  await expect(firstRow.getByRole('radio')).toHaveCount(10);
  await firstRow.getByLabel('Synthetic: very severely').check();
  await expectNoAxeViolations(page);
  await screenshotMeasureForm(page, testInfo.outputPath('wsas-compact-form.png'));
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A mental health practitioner records two PHQ-9s five weeks apart.
  await signInAs(page, 'demo.mh');
  await page.getByRole('link', { name: person }).click();
  await expect(page.getByRole('heading', { name: 'Outcome measures' })).toBeVisible();

  // The compact form names the unanswered items, and the keyboard moves along a row with the arrows.
  await page.getByRole('button', { name: 'Record an outcome measure' }).click();
  const item1 = page.getByRole('group', { name: /^1\. / });
  await item1.getByLabel('Not at all', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(item1.getByLabel('Several days', { exact: true })).toBeChecked();
  // Tab goes row by row; the focused answer is never hidden under the sticky score (WCAG 2.4.11).
  for (let row = 2; row <= 9; row += 1) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('group', { name: new RegExp(`^${row}\\. `) }).getByLabel('Not at all', { exact: true })).toBeFocused();
    const focused = await page.evaluate(() => document.activeElement?.getBoundingClientRect().bottom ?? 0);
    const scoreTop = await page.getByTestId('live-score').evaluate((element) => element.getBoundingClientRect().top);
    expect(focused).toBeLessThanOrEqual(scoreTop);
  }
  await page.getByRole('button', { name: 'Save measure' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Answer question 2: Feeling down, depressed, or hopeless');
  await expect(summary).toContainText('Answer question 9: Thoughts that you would be better off dead or of hurting yourself in some way');
  await expect(summary).not.toContainText('Answer question 1:');
  await expect(page.getByTestId('live-score')).toBeInViewport();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('phq9-compact-form-unanswered.png') });
  await page.getByTestId('answer-row-1').screenshot({ path: testInfo.outputPath('phq9-row-error.png') });
  // On a narrow window each item stacks and its answers show their own labels.
  await page.setViewportSize({ width: 560, height: 900 });
  await item1.scrollIntoViewIfNeeded();
  await expect(item1.getByText('More than half the days')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('phq9-compact-form-narrow.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'Cancel' }).click();

  await recordPhq9(page, '2026-10-01', [2, 2, 2, 2, 2, 2, 2, 2, 0], testInfo.outputPath('phq9-compact-form.png'));
  await recordPhq9(page, '2026-11-05', [1, 1, 1, 1, 1, 1, 1, 2, 0]);

  const phq9Trend = page.getByTestId('trend-phq9');
  await expect(phq9Trend.getByRole('img', { name: /PHQ-9 chart: 2 scores from 1 October 2026 to 5 November 2026: 16, 9/ })).toBeVisible();
  await expect(phq9Trend).toContainText(
    'PHQ-9 fell from 16 (moderately severe) on 1 October 2026 to 9 (mild) on 5 November 2026, down 7 points.',
  );
  await expect(phq9Trend).toContainText('That is a reliable improvement: a fall of 6 or more points.');
  await phq9Trend.getByText('Show the scores as a table').click();
  await expect(phq9Trend.getByRole('table')).toContainText('1 October 2026');
  await expect(page.getByTestId('depression-anxiety-outcome')).toContainText('Depression and anxiety together: Reliable recovery.');
  await expect(page.getByTestId('depression-anxiety-outcome')).toContainText('Based on PHQ-9 only');
  await expectNoAxeViolations(page);
  await page.getByTestId('measure-trends').screenshot({ path: testInfo.outputPath('phq9-trend-chart.png') });
  await page.screenshot({ path: testInfo.outputPath('record-with-trends.png'), fullPage: true });

  // The administrator puts the WSAS placeholders back, after confirming.
  await signInAs(page, 'demo.admin');
  await page.evaluate(() => {
    window.location.hash = '#/settings/measure-wording';
  });
  await page.getByRole('button', { name: 'Reset to the placeholders' }).click();
  await expect(page.getByText('Reset WSAS wording?')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, reset the wording' }).click();
  await expect(page.getByTestId('wording-saved')).toContainText('WSAS wording reset to the placeholders.');
  await expect(page.getByTestId('wording-table').getByRole('row', { name: /WSAS/ })).toContainText('Placeholders');
  await expect(page.getByLabel('Item 1', { exact: true })).toHaveValue('');
});
