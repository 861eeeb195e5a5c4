import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import { createAppServices } from '../../../../services/app-services';
import { MI_RETURN_COLUMNS } from '../../../../services/exports/mi-return';
import { seedStore } from '../../../../services/session/store-commands';
import { demoFromTemplate } from '../../../support/demo-template';
import { value } from '../../../support/demo-with-person';
import { testClock } from '../../../support/test-clock';

type Row = Record<(typeof MI_RETURN_COLUMNS)[number], string>;

function rowsOf(mi: MiReturn): Row[] {
  return mi.csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => Object.fromEntries(line.split(',').map((cell, index) => [MI_RETURN_COLUMNS[index], cell])) as Row);
}

const MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

describe('the MI return of a closed month (issue 15, defect 1)', () => {
  it(
    'reports every status as it stood at the month end: no exit without its date, no one ready for MDT without a first appointment, no plan active before it was agreed',
    { timeout: 180_000 },
    async () => {
      const { dataDir, services } = await demoFromTemplate();
      await services.close();
      // Synthetic people with whole histories (assessments, plans started, exits) spread over months.
      await seedStore({
        dataDir,
        username: 'demo.admin',
        passphrase: DEMO_PARTNERSHIP.passphrase,
        participants: 400,
        seed: 7,
        now: testClock()(),
      });
      const app = createAppServices({ dataDir, clock: testClock() });
      try {
        value(await app.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
        const byMonth = new Map<string, Row[]>();
        for (const month of MONTHS) {
          const rows = rowsOf(value<MiReturn>(await app.dispatch('exports.miReturn', { month })));
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
        // History, not today's status: people who have left by now were still on the service in an
        // earlier month, and people active now were only referred before their assessment.
        const november = new Map((byMonth.get('2026-11') ?? []).map((row) => [row.participant_reference, row]));
        const earlier = [...MONTHS.slice(0, -1)].flatMap((month) => byMonth.get(month) ?? []);
        const leftLater = earlier.filter(
          (row) => row.status_at_month_end !== 'exited' && november.get(row.participant_reference)?.status_at_month_end === 'exited',
        );
        expect(leftLater.length).toBeGreaterThan(0);
        const assessedLater = earlier.filter(
          (row) => row.status_at_month_end === 'referred' && november.get(row.participant_reference)?.status_at_month_end === 'active',
        );
        expect(assessedLater.length).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
    },
  );
});
