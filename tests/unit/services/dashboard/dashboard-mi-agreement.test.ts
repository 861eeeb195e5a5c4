import { describe, expect, it } from 'vitest';
import { daysBetween, lastCompleteMonth } from '../../../../core/calendar-date';
import type { Dashboard } from '../../../../core/schemas/dashboard';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import { value } from '../../../support/demo-with-person';
import { miReturnRows, type MiReturnRow } from '../../../support/mi-return-rows';
import { seededMiServices } from '../../../support/seeded-mi-store';
import { TEST_TODAY } from '../../../support/test-clock';

const MONTH = lastCompleteMonth(TEST_TODAY);
const [YEAR, MONTH_NUMBER] = MONTH.split('-').map(Number) as [number, number];
const RANGE = { from: `${MONTH}-01`, to: new Date(Date.UTC(YEAR, MONTH_NUMBER, 0)).toISOString().slice(0, 10) };

const inMonth = (date: string) => date >= RANGE.from && date <= RANGE.to;
const orNotRecorded = (code: string) => (code === '' ? 'not_recorded' : code);

/** (group, key) counts of MI rows, sorted as the dashboard sorts its cells. */
function tally(rows: readonly MiReturnRow[], group: (row: MiReturnRow) => string, key: (row: MiReturnRow) => string) {
  const counts = new Map<string, { group: string; key: string; count: number }>();
  for (const row of rows) {
    const cell = counts.get(`${group(row)} ${key(row)}`) ?? { group: group(row), key: key(row), count: 0 };
    cell.count += 1;
    counts.set(`${group(row)} ${key(row)}`, cell);
  }
  return [...counts.values()].sort((a, b) => a.group.localeCompare(b.group) || a.key.localeCompare(b.key));
}

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

describe('the dashboard agrees with the MI return', () => {
  it(
    'for a month, its referrals, statuses, waits to assessment and plan, outcomes and measure change are the MI return’s own counts',
    { timeout: 240_000 },
    async () => {
      const app = await seededMiServices(600, 20);
      try {
        const mi = value<MiReturn>(await app.dispatch('exports.miReturn', { month: MONTH }));
        const dashboard = value<Dashboard>(await app.dispatch('dashboard.get', RANGE));
        const rows = miReturnRows(mi.csv).filter((row) => row.row_type === 'participant');
        const referred = rows.filter((row) => inMonth(row.referral_date));
        const exited = rows.filter((row) => row.exit_date !== '' && inMonth(row.exit_date));
        expect(referred.length).toBeGreaterThan(5);
        expect(exited.length).toBeGreaterThan(5);

        expect(dashboard.referredInRange).toBe(referred.length);
        const dashboardRoutes = new Map<string, number>();
        for (const cell of dashboard.referrals) dashboardRoutes.set(cell.group, (dashboardRoutes.get(cell.group) ?? 0) + cell.count);
        expect(Object.fromEntries(dashboardRoutes)).toEqual(
          Object.fromEntries(
            tally(
              referred,
              (row) => orNotRecorded(row.referral_source),
              () => '',
            ).map((cell) => [cell.group, cell.count]),
          ),
        );
        expect(Object.fromEntries(dashboard.funnel.filter((step) => step.count > 0).map((step) => [step.status, step.count]))).toEqual(
          Object.fromEntries(
            tally(
              referred,
              (row) => row.status_at_month_end,
              () => '',
            ).map((cell) => [cell.group, cell.count]),
          ),
        );
        for (const [wait, column] of [
          ['assessment', 'first_appointment_date'],
          ['planAgreed', 'plan_agreed_date'],
        ] as const) {
          const reached = referred.filter((row) => row[column] !== '');
          const days = reached.map((row) => Math.max(0, daysBetween(row.referral_date, row[column])));
          expect(dashboard.waits.find((figure) => figure.wait === wait)).toMatchObject({
            reached: reached.length,
            medianDays: median(days),
          });
        }

        expect(dashboard.exitedInRange).toBe(exited.length);
        expect(dashboard.outcomesByRoute).toEqual(
          tally(
            exited,
            (row) => orNotRecorded(row.referral_source),
            (row) => row.employment_outcome,
          ),
        );
        expect(dashboard.outcomesByBarrier).toEqual(
          tally(
            exited,
            (row) => orNotRecorded(row.primary_barrier),
            (row) => row.employment_outcome,
          ),
        );
        for (const measure of ['phq9', 'gad7', 'wsas'] as const) {
          const pairs = exited
            .filter((row) => row[`${measure}_follow_up`] !== '')
            .map((row) => [Number(row[`${measure}_baseline`]), Number(row[`${measure}_follow_up`])] as const);
          const change = dashboard.measureChange.find((figure) => figure.measure === measure);
          expect(change).toMatchObject({
            people: pairs.length,
            lower: pairs.filter(([first, last]) => last < first).length,
            same: pairs.filter(([first, last]) => last === first).length,
            higher: pairs.filter(([first, last]) => last > first).length,
          });
          if (pairs.length >= 5)
            expect(change?.meanBaseline).toBe(Math.round((pairs.reduce((sum, [first]) => sum + first, 0) / pairs.length) * 10) / 10);
        }
      } finally {
        await app.close();
      }
    },
  );
});
