import { expect, type Locator, type Page } from '@playwright/test';

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
 * Tabs to an empty date field and types the date's digits in the order the browser's date field
 * shows them (its locale decides: month first in en-US, day first in en-GB), as a keyboard user does.
 */
export async function typeDate(page: Page, field: Locator, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(2000, 10, 22))
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year'),
  );
  await tabTo(page, field);
  await page.keyboard.type(order.map((part) => ({ day, month, year })[part as 'day' | 'month' | 'year']).join(''));
  await expect(field).toHaveValue(isoDate);
}
