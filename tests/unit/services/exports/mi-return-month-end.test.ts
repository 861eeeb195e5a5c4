import { describe, expect, it } from 'vitest';
import { lastCompleteMonth } from '../../../../core/calendar-date';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import { value } from '../../../support/demo-with-person';
import { miReturnRows, type MiReturnRow } from '../../../support/mi-return-rows';
import { seededMiServices } from '../../../support/seeded-mi-store';
import { TEST_TODAY } from '../../../support/test-clock';

/** The twelve complete months before the tests' date, oldest first (whatever date the run is on). */
const MONTHS = Array.from({ length: 12 }, (_, index) => index).reduce<string[]>(
  (months) => [lastCompleteMonth(`${months[0] ?? TEST_TODAY.slice(0, 7)}-01`), ...months],
  [],
);

describe('the MI return of a closed month (issue 15, defect 1)', () => {
  it(
    'reports every status as it stood at the month end: no exit without its date, no one ready for MDT without a first appointment, no plan active before it was agreed',
    { timeout: 180_000 },
    async () => {
      // Synthetic people with whole histories (assessments, plans started, exits) spread over months.
      const app = await seededMiServices(400, 7);
      try {
        const byMonth = new Map<string, MiReturnRow[]>();
        for (const month of MONTHS) {
          const rows = miReturnRows(value<MiReturn>(await app.dispatch('exports.miReturn', { month })).csv);
          byMonth.set(month, rows);
          const monthEnd = `${month}-31`;
          for (const row of rows) {
            if (row.status_at_month_end === 'exited') expect(row.exit_date, row.participant_reference).not.toBe('');
            else expect(row.exit_date, row.participant_reference).toBe('');
            if (row.exit_date !== '') expect(row.exit_date <= monthEnd).toBe(true);
            if (row.status_at_month_end === 'ready_for_mdt')
              expect(row.first_appointment_date, `${month} ${row.participant_reference}`).not.toBe('');
            if (row.status_at_month_end === 'active') expect(row.plan_agreed_date, row.participant_reference).not.toBe('');
            expect(row.status_at_month_end).toMatch(/^(referred|ready_for_mdt|active|exited)$/);
          }
        }
        // History, not today's status: people who left in a later month were still on the service in
        // an earlier one, and people with a plan active later were only referred before.
        const statusesOf = new Map<string, string[]>();
        for (const month of MONTHS)
          for (const row of byMonth.get(month) ?? [])
            statusesOf.set(row.participant_reference, [...(statusesOf.get(row.participant_reference) ?? []), row.status_at_month_end]);
        const movedOn = (from: (status: string) => boolean, to: string) =>
          [...statusesOf.values()].filter((statuses) =>
            statuses.some((status, index) => status === to && statuses.slice(0, index).some(from)),
          );
        expect(movedOn((status) => status !== 'exited', 'exited').length).toBeGreaterThan(0);
        expect(movedOn((status) => status === 'referred', 'active').length).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
    },
  );
});
