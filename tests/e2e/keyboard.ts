import { expect, type Locator, type Page } from '@playwright/test';
import { dateGroup, expectDate } from './date-input';

/**
 * Moves focus with Tab (or Shift+Tab) until `target` has it, proving it is reachable by keyboard
 * in the page's tab order; fails if it never gets there.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 200 } = {}): Promise<void> {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${target.toString()} with the keyboard`);
}

/** Tabs to a control and presses Enter. */
export async function activate(page: Page, target: Locator, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press('Enter');
}

/** Tabs to a field and types into it (replacing what was there). */
export async function typeInto(page: Page, field: Locator, text: string, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(page, field, options);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Tabs to a select and picks an option by typing its first letters, as a keyboard user does. */
export async function chooseOption(page: Page, select: Locator, typed: string, expectedLabel: string | RegExp): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.type(typed);
  await expect(select.locator('option:checked')).toHaveText(expectedLabel);
}

/**
 * Tabs to an empty NHS date input (renderer/components/date-input.tsx) whose legend is `label` and
 * types the date into its Day, Month and Year fields, Tab between them, as a keyboard user does.
 */
export async function typeDate(page: Page, scope: Page | Locator, label: string, isoDate: string): Promise<void> {
  const group = dateGroup(scope, label);
  await tabTo(page, group.getByLabel('Day', { exact: true }));
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  await page.keyboard.type(String(Number(day)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(Number(month)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(year);
  await expectDate(scope, label, isoDate);
}
