import { expectNoAxeViolations } from './accessibility';
import { openDemoAs } from './demo-sign-in';
import { expect, test } from './host-fixture';

/** Issue 16 item 13: Ctrl+K goes to a person or a screen, by keyboard alone. */
test('Ctrl+K finds a person by reference or a screen by name, and Escape gives focus back', async ({ page, host }, testInfo) => {
  await openDemoAs(page, host, 'demo.coordinator');
  const firstRow = page.getByTestId('caseload-table').getByRole('row').nth(1);
  const reference = ((await firstRow.innerText()).match(/WW-\d{6}/) ?? [''])[0];
  expect(reference).toMatch(/^WW-\d{6}$/);

  // A person, by their reference.
  await page.keyboard.press('Control+KeyK');
  const palette = page.getByRole('dialog', { name: 'Go to' });
  const box = palette.getByRole('combobox', { name: /A person/ });
  await expect(box).toBeFocused();
  await page.keyboard.type(reference);
  const person = palette.getByRole('option').filter({ hasText: reference });
  await expect(person).toHaveCount(1);
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('palette.png') });
  const name = (await person.locator('.ww-palette__label').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const [family, given] = name.split(', ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`${given} ${family}`, 'i'));

  // A screen, by name; only those the role may use are offered.
  await page.keyboard.press('Control+KeyK');
  await page.keyboard.type('meet');
  await expect(palette.getByRole('option')).toHaveText([/Meetings/]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await page.keyboard.press('Control+KeyK');
  await page.keyboard.type('users');
  await expect(palette.getByText('No matches')).toBeAttached();
  await expect(palette.getByRole('option')).toHaveCount(0);

  // Escape closes it and focus goes back to where it was.
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeFocused();
});
