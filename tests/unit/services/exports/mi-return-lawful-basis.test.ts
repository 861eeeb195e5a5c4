import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../cli/main';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import { MI_RETURN_COLUMN_BASIS, MI_RETURN_COLUMNS } from '../../../../core/exports/mi-return-columns';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { miReturnRows, type MiReturnRow } from '../../../support/mi-return-rows';
import { tempDir } from '../../../support/temp-dir';
import { testClock } from '../../../support/test-clock';
import { testReferral } from '../../../support/test-referral';

const MONTH = '2026-11';
const EVALUATION_COLUMNS = MI_RETURN_COLUMNS.filter((column) => MI_RETURN_COLUMN_BASIS[column] === 'evaluation_consent');
/** The PHQ-9, GAD-7 and WSAS columns this person's case records (MSK-HQ, work ability: mi-return-evaluation-fields.test.ts). */
const SCORE_COLUMNS = EVALUATION_COLUMNS.filter((column) => /^(phq9|gad7|wsas)_/.test(column));

/** Each case: the service and evaluation decisions (with a withdrawal date, if any) of one synthetic person. */
const CASES = {
  evaluationGiven: { service: 'given', evaluation: 'given' },
  evaluationDeclined: { service: 'given', evaluation: 'declined' },
  evaluationWithdrawnBeforeMonthEnd: { service: 'given', evaluation: 'given', evaluationWithdrawnOn: '2026-11-20' },
  evaluationWithdrawnAfterMonthEnd: { service: 'given', evaluation: 'given', evaluationWithdrawnOn: '2026-12-02' },
  nothingRecorded: {},
  serviceDeclined: { service: 'declined', evaluation: 'given' },
  serviceWithdrawnBeforeMonthEnd: { service: 'given', serviceWithdrawnOn: '2026-11-25', evaluation: 'given' },
  serviceWithdrawnAfterMonthEnd: { service: 'given', serviceWithdrawnOn: '2026-12-01', evaluation: 'given' },
} as const satisfies Record<
  string,
  { service?: 'given' | 'declined'; evaluation?: 'given' | 'declined'; evaluationWithdrawnOn?: string; serviceWithdrawnOn?: string }
>;

describe('the lawful basis of the MI return (issue 15, defect 2)', () => {
  it('every column has a basis: the outcome measures and benefit status wait for evaluation consent, ethnicity and disability for more', () => {
    expect(new Set(Object.values(MI_RETURN_COLUMN_BASIS))).toEqual(
      new Set(['public_task', 'evaluation_consent', 'special_category_consent']),
    );
    expect(EVALUATION_COLUMNS).toEqual(
      MI_RETURN_COLUMNS.filter((column) => column === 'benefit_status' || /^(phq9|gad7|wsas|mskhq|work_ability)_/.test(column)),
    );
    expect(MI_RETURN_COLUMNS.filter((column) => MI_RETURN_COLUMN_BASIS[column] === 'special_category_consent')).toEqual([
      'ethnic_category',
      'disability',
    ]);
  });

  it(
    'sends scores only with evaluation consent in force at the month end, and leaves out whoever declined or withdrew from the service, on the screen and the command line alike',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      const { services, dataDir } = demo;
      await demo.signInAs('demo.coach');
      const ids = new Map<string, string>();
      for (const [name, decisions] of Object.entries(CASES)) {
        const { id } = value<{ id: string }>(
          await services.dispatch(
            'participants.register',
            testReferral({ person: { nhsNumber: '', givenName: name.slice(0, 30) }, confirmedNotDuplicate: true }),
          ),
        );
        ids.set(name, id);
        value(
          await services.dispatch('measures.record', {
            participantId: id,
            discipline: 'employment_support',
            takenOn: '2026-11-05',
            response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] },
          }),
        );
        for (const purpose of ['service', 'evaluation'] as const) {
          const decision = (decisions as { service?: string; evaluation?: string })[purpose];
          if (decision === undefined) continue;
          const consent = value<{ id: string }>(
            await services.dispatch('consents.record', { participantId: id, purpose, decision, date: '2026-11-03', method: 'written' }),
          );
          const withdrawnOn = (decisions as { serviceWithdrawnOn?: string; evaluationWithdrawnOn?: string })[`${purpose}WithdrawnOn`];
          if (withdrawnOn !== undefined) value(await services.dispatch('consents.withdraw', { consentId: consent.id, date: withdrawnOn }));
        }
      }
      const referenceOf = async (name: string) =>
        value<{ reference: string }>(await services.dispatch('participants.get', { id: ids.get(name) })).reference;

      await demo.signInAs('demo.coordinator');
      const mi = value<MiReturn>(await services.dispatch('exports.miReturn', { month: MONTH }));
      const rows = miReturnRows(mi.csv);
      const byName = new Map<string, MiReturnRow | undefined>();
      for (const name of Object.keys(CASES)) {
        const reference = await referenceOf(name);
        byName.set(
          name,
          rows.find((row) => row.participant_reference === reference),
        );
      }
      const scoresSent = (name: string) => {
        const row = byName.get(name);
        if (row === undefined) throw new Error(`${name} has no row`);
        return SCORE_COLUMNS.map((column) => row[column]);
      };
      const sent = ['8', '2026-11-05', '', '', '', '', '', '', '', '', '', ''];
      const blank = SCORE_COLUMNS.map(() => '');

      // Evaluation consent in force at the month end (given; withdrawn only afterwards): the scores go.
      expect(scoresSent('evaluationGiven')).toEqual(sent);
      expect(scoresSent('evaluationWithdrawnAfterMonthEnd')).toEqual(sent);
      expect(byName.get('evaluationWithdrawnAfterMonthEnd')?.consent_evaluation).toBe('given');
      // Not in force (declined, withdrawn by then, never asked): the row stays, the scores are blank.
      expect(scoresSent('evaluationDeclined')).toEqual(blank);
      expect(scoresSent('evaluationWithdrawnBeforeMonthEnd')).toEqual(blank);
      expect(byName.get('evaluationWithdrawnBeforeMonthEnd')?.consent_evaluation).toBe('withdrawn');
      expect(scoresSent('nothingRecorded')).toEqual(blank);
      // Public-task columns are there whatever the evaluation consent.
      expect(byName.get('evaluationDeclined')).toMatchObject({
        referral_date: '2026-11-02',
        consent_service: 'given',
        status_at_month_end: 'referred',
      });
      expect(byName.get('nothingRecorded')).toMatchObject({ consent_service: 'not_recorded', consent_evaluation: 'not_recorded' });
      // Declined or withdrew from the service by the month end: not a participant, no row; withdrawing later keeps the month's row.
      expect(byName.get('serviceDeclined')).toBeUndefined();
      expect(byName.get('serviceWithdrawnBeforeMonthEnd')).toBeUndefined();
      expect(byName.get('serviceWithdrawnAfterMonthEnd')).toMatchObject({ consent_service: 'given' });
      expect(scoresSent('serviceWithdrawnAfterMonthEnd')).toEqual(sent);
      expect(mi.rows).toBe(rows.length);
      await services.close();

      // The monthly command-line job writes exactly the screen's CSV.
      const folder = tempDir();
      const passphraseFile = path.join(folder, 'passphrase.txt');
      writeFileSync(passphraseFile, `${DEMO_PARTNERSHIP.passphrase}\n`);
      const out = path.join(folder, 'mi.csv');
      const args = ['mi-return', '--store', dataDir, '--month', MONTH, '--out', out, '--user', 'demo.coordinator'];
      expect(await runCli([...args, '--passphrase-file', passphraseFile], () => undefined, testClock())).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(mi.csv);
    },
  );
});
