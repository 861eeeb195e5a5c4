import { expect, type Locator, type Page } from '@playwright/test';

/** The NHS date input (renderer/components/date-input.tsx) whose legend is `label`: a group holding Day, Month and Year. */
export function dateGroup(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** Fills an NHS date input with an ISO date (YYYY-MM-DD), typed as a person would: 6, 12, 2026. */
export async function fillDate(scope: Page | Locator, label: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const group = dateGroup(scope, label);
  await group.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await group.getByLabel('Month', { exact: true }).fill(String(Number(month)));
  await group.getByLabel('Year', { exact: true }).fill(year);
}

/** Asserts the ISO date an NHS date input shows (without leading zeros, as typed). */
export async function expectDate(scope: Page | Locator, label: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const group = dateGroup(scope, label);
  await expect(group.getByLabel('Day', { exact: true })).toHaveValue(String(Number(day)));
  await expect(group.getByLabel('Month', { exact: true })).toHaveValue(String(Number(month)));
  await expect(group.getByLabel('Year', { exact: true })).toHaveValue(year);
}

/** The ISO date (YYYY-MM-DD) an NHS date input shows now, for comparing with another field's. */
export async function readDate(scope: Page | Locator, label: string): Promise<string> {
  const group = dateGroup(scope, label);
  const part = async (name: string) => (await group.getByLabel(name, { exact: true }).inputValue()).padStart(2, '0');
  return `${await group.getByLabel('Year', { exact: true }).inputValue()}-${await part('Month')}-${await part('Day')}`;
}
