import type { Page } from '@playwright/test';
import { signInAs } from './demo-sign-in';
import { expect } from './host-fixture';

/**
 * On an open record: the coordinator records the person's consent to share adjustments with the
 * employer, then the OT (demo.ot) opens the same person (`name` as the caseload lists it) and starts
 * the draft plan the adjustments belong to. Leaves the OT on the record.
 */
export async function consentAndStartPlanAsOt(page: Page, name: string): Promise<void> {
  const consent = page.getByTestId('consent-table');
  await consent.getByRole('button', { name: 'Record decision: Share agreed adjustments with the employer' }).click();
  await page.getByLabel('How it was recorded').selectOption({ label: 'Verbally (in person, by phone or video)' });
  await page.getByRole('button', { name: 'Save consent decision' }).click();
  await expect(consent.getByRole('row', { name: /Share agreed adjustments with the employer/ })).toContainText('Given on');

  await signInAs(page, 'demo.ot');
  await page.getByTestId('caseload-table').getByRole('link', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Start the action plan' }).click();
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.keyboard.type('Back to full shifts by February');
  await page.getByRole('button', { name: 'Save draft plan' }).click();
  await expect(page.getByTestId('plan-panel')).toContainText('Draft');
}
