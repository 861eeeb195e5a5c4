import { addDaysToIsoDate } from '../calendar-date';

/** The due dates a plan offers by shortcut, and a library action's usual time to complete. */
export const DUE_SHORTCUTS = ['one_week', 'two_weeks', 'one_month'] as const;
export type DueShortcut = (typeof DUE_SHORTCUTS)[number];

export const DUE_SHORTCUT_LABELS: Readonly<Record<DueShortcut, string>> = {
  one_week: '+1 week',
  two_weeks: '+2 weeks',
  one_month: '+1 month',
};

/** Words for a screen reader and for settings: "in 1 week". */
export const DUE_SHORTCUT_WORDS: Readonly<Record<DueShortcut, string>> = {
  one_week: 'in 1 week',
  two_weeks: 'in 2 weeks',
  one_month: 'in 1 month',
};

/**
 * A calendar date (YYYY-MM-DD) plus one month: the same day of the next month, or its last day when
 * that month is shorter (31 January -> 28 or 29 February), as people count a month.
 */
export function addOneMonth(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The date a shortcut gives from `today` (YYYY-MM-DD, London's today from the app's clock). */
export function dueDateFrom(today: string, shortcut: DueShortcut): string {
  switch (shortcut) {
    case 'one_week':
      return addDaysToIsoDate(today, 7);
    case 'two_weeks':
      return addDaysToIsoDate(today, 14);
    case 'one_month':
      return addOneMonth(today);
  }
}
