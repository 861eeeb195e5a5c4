import { describe, expect, it } from 'vitest';
import { MI_RETURN_COLUMN_BASIS, MI_RETURN_COLUMNS } from '../../../../core/exports/mi-return-columns';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import type { ParticipantMonitoring } from '../../../../core/schemas/participant-monitoring';
import { createAppServices } from '../../../../services/app-services';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { miReturnRows, type MiReturnRow } from '../../../support/mi-return-rows';
import { tempDir } from '../../../support/temp-dir';
import { testPartnershipInput } from '../../../support/test-admin';
import { testClock } from '../../../support/test-clock';
import { testReferral } from '../../../support/test-referral';

const MONTH = '2026-11';

/** The columns issue 20 item 9 added, in file order. */
const ADDED = [
  'age_band',
  'sex',
  'ethnic_category',
  'disability',
  'area_code',
  'benefit_status',
  'mskhq_baseline',
  'mskhq_baseline_date',
  'mskhq_follow_up',
  'mskhq_follow_up_date',
  'work_ability_baseline',
  'work_ability_baseline_date',
  'work_ability_follow_up',
  'work_ability_follow_up_date',
] as const;

const cellsOf = (row: MiReturnRow | undefined) => {
  if (row === undefined) throw new Error('no row');
  return Object.fromEntries(ADDED.map((column) => [column, row[column]]));
};

const ANSWERS: ParticipantMonitoring = { sex: 'female', ethnicity: 'N', disability: 'yes', benefitStatus: 'universal_credit' };

/** Each case: date of birth and evaluation consent (withdrawal date, if any); everyone consents to the service. */
const CASES = {
  // 24 on the referral date (2 November 2026): born the day after in 2001.
  consented: { dateOfBirth: '2001-11-03', evaluation: 'given' },
  // 25 on the referral date: their birthday is the referral date.
  declined: { dateOfBirth: '2001-11-02', evaluation: 'declined' },
  // In force at November's end, withdrawn on 2 December, before the return is made (6 December).
  withdrawnAfterMonth: { dateOfBirth: '1961-05-20', evaluation: 'given', withdrawnOn: '2026-12-02' },
  withdrawnInMonth: { dateOfBirth: '1984-03-02', evaluation: 'given', withdrawnOn: '2026-11-20' },
} as const satisfies Record<string, { dateOfBirth: string; evaluation: 'given' | 'declined'; withdrawnOn?: string }>;

describe('the MI return gains what the evaluation needs (issue 20, item 9)', () => {
  it('gives each added column its lawful basis: ethnicity and disability under the special category rule', () => {
    const basisOf = Object.fromEntries(ADDED.map((column) => [column, MI_RETURN_COLUMN_BASIS[column]]));
    expect(basisOf).toEqual({
      age_band: 'public_task',
      sex: 'public_task',
      ethnic_category: 'special_category_consent',
      disability: 'special_category_consent',
      area_code: 'public_task',
      benefit_status: 'evaluation_consent',
      mskhq_baseline: 'evaluation_consent',
      mskhq_baseline_date: 'evaluation_consent',
      mskhq_follow_up: 'evaluation_consent',
      mskhq_follow_up_date: 'evaluation_consent',
      work_ability_baseline: 'evaluation_consent',
      work_ability_baseline_date: 'evaluation_consent',
      work_ability_follow_up: 'evaluation_consent',
      work_ability_follow_up_date: 'evaluation_consent',
    });
    // Demographics follow the referral columns; the two measures follow WSAS.
    expect(MI_RETURN_COLUMNS.slice(MI_RETURN_COLUMNS.indexOf('referral_source') + 1, MI_RETURN_COLUMNS.indexOf('consent_service'))).toEqual(
      ADDED.slice(0, 6),
    );
    expect(
      MI_RETURN_COLUMNS.slice(MI_RETURN_COLUMNS.indexOf('wsas_follow_up_date') + 1, MI_RETURN_COLUMNS.indexOf('status_at_month_end')),
    ).toEqual(ADDED.slice(6));
  });

  it(
    'sends the answers recorded at registration, age bands and MSK-HQ and work ability scores, each only where its basis allows',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      const { services } = demo;
      await demo.signInAs('demo.coach');
      const ids = new Map<string, string>();
      const references = new Map<string, string>();
      for (const [name, person] of Object.entries(CASES)) {
        const { id, reference } = value<{ id: string; reference: string }>(
          await services.dispatch('participants.register', {
            ...testReferral({ person: { nhsNumber: '', givenName: name, dateOfBirth: person.dateOfBirth }, confirmedNotDuplicate: true }),
            monitoring: ANSWERS,
          }),
        );
        ids.set(name, id);
        references.set(name, reference);
        const decide = (purpose: 'service' | 'evaluation', decision: 'given' | 'declined') =>
          services.dispatch('consents.record', { participantId: id, purpose, decision, date: '2026-11-03', method: 'written' });
        value(await decide('service', 'given'));
        const evaluation = value<{ id: string }>(await decide('evaluation', person.evaluation));
        if ('withdrawnOn' in person)
          value(await services.dispatch('consents.withdraw', { consentId: evaluation.id, date: person.withdrawnOn }));
      }
      await demo.signInAs('demo.physio');
      for (const id of ids.values()) {
        const record = async (takenOn: string, measure: 'mskhq' | 'work_ability', answers: number[]) =>
          value(
            await services.dispatch('measures.record', {
              participantId: id,
              discipline: 'physiotherapy',
              takenOn,
              response: { measure, answers },
            }),
          );
        await record(
          '2026-11-05',
          'mskhq',
          Array.from({ length: 14 }, () => 2),
        );
        await record('2026-11-05', 'work_ability', [4]);
        await record(
          '2026-11-26',
          'mskhq',
          Array.from({ length: 14 }, () => 3),
        );
        await record('2026-11-26', 'work_ability', [7]);
        // Taken after the month's end: not November's follow-up.
        await record('2026-12-03', 'work_ability', [9]);
      }

      await demo.signInAs('demo.coordinator');
      const mi = value<MiReturn>(await services.dispatch('exports.miReturn', { month: MONTH }));
      const rows = miReturnRows(mi.csv);
      const rowOf = (name: string) => rows.find((row) => row.participant_reference === references.get(name));
      const scores = {
        mskhq_baseline: '28',
        mskhq_baseline_date: '2026-11-05',
        mskhq_follow_up: '42',
        mskhq_follow_up_date: '2026-11-26',
        work_ability_baseline: '4',
        work_ability_baseline_date: '2026-11-05',
        work_ability_follow_up: '7',
        work_ability_follow_up_date: '2026-11-26',
      };
      const noScores = Object.fromEntries(Object.keys(scores).map((column) => [column, '']));
      // The demo partnership was set up under its own name, not a pilot ICB area: no area code.
      const publicTask = { sex: 'female', area_code: '' };

      // Evaluation consent in force at the month's end and when the return is made: everything goes.
      expect(cellsOf(rowOf('consented'))).toEqual({
        ...publicTask,
        age_band: '16-24',
        ethnic_category: 'N',
        disability: 'yes',
        benefit_status: 'universal_credit',
        ...scores,
      });
      // Declined: only the service-monitoring columns.
      expect(cellsOf(rowOf('declined'))).toEqual({
        ...publicTask,
        age_band: '25-34',
        ethnic_category: '',
        disability: '',
        benefit_status: '',
        ...noScores,
      });
      // Withdrawn after the month's end: the month's scores and benefit status stay, but ethnicity and
      // disability (special category) need the consent still in force when the return is made.
      expect(cellsOf(rowOf('withdrawnAfterMonth'))).toEqual({
        ...publicTask,
        age_band: '65+',
        ethnic_category: '',
        disability: '',
        benefit_status: 'universal_credit',
        ...scores,
      });
      expect(rowOf('withdrawnAfterMonth')?.consent_evaluation).toBe('given');
      // Withdrawn within the month: nothing the evaluation alone needs.
      expect(cellsOf(rowOf('withdrawnInMonth'))).toEqual({
        ...publicTask,
        age_band: '35-44',
        ethnic_category: '',
        disability: '',
        benefit_status: '',
        ...noScores,
      });
      // Everyone else (the demo's people) was never asked: blank, not a made-up answer.
      const others = rows.filter((row) => row.row_type === 'participant' && ![...references.values()].includes(row.participant_reference));
      expect(others.length).toBeGreaterThan(0);
      expect(new Set(others.map((row) => `${row.sex}|${row.ethnic_category}|${row.disability}|${row.benefit_status}`))).toEqual(
        new Set(['|||']),
      );
      expect(mi.csv).not.toContain('2001-11-03');
      await services.close();
    },
  );

  it(
    'reports a pilot partnership its integrated care board area as the area code, the same on every row',
    { timeout: 60_000 },
    async () => {
      const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
      value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
      for (const givenName of ['Ash', 'Bo']) {
        value(
          await services.dispatch('participants.register', {
            ...testReferral({ person: { nhsNumber: '', givenName } }),
            monitoring: { sex: 'not_stated', ethnicity: 'Z', disability: 'not_stated', benefitStatus: 'not_stated' },
          }),
        );
      }
      const rows = miReturnRows(value<MiReturn>(await services.dispatch('exports.miReturn', { month: MONTH })).csv);
      expect(rows.map((row) => [row.area_code, row.sex, row.ethnic_category, row.disability, row.benefit_status])).toEqual([
        ['south-yorkshire', 'not_stated', '', '', ''],
        ['south-yorkshire', 'not_stated', '', '', ''],
      ]);
      await services.close();
    },
  );

  it(
    'reports the area code an administrator set in Settings for a partnership named as no pilot area, and falls back when it is cleared',
    { timeout: 60_000 },
    async () => {
      const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
      value(
        await services.dispatch('setup.createPartnership', {
          ...testPartnershipInput(),
          partnership: { kind: 'custom', name: 'Northshire WorkWell' },
        }),
      );
      value(await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } })));
      const areaCodes = async () =>
        miReturnRows(value<MiReturn>(await services.dispatch('exports.miReturn', { month: MONTH })).csv).map((row) => row.area_code);
      expect(await areaCodes()).toEqual(['']);
      expect(value(await services.dispatch('config.areaCode', {}))).toEqual({ areaCode: null, version: 0, inEffect: null });

      const bad = await services.dispatch('config.saveAreaCode', { areaCode: 'E54 61', version: 0 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { areaCode: expect.stringContaining('E54000061') } } });
      expect(value(await services.dispatch('config.saveAreaCode', { areaCode: ' e54000061 ', version: 0 }))).toEqual({
        areaCode: 'E54000061',
        version: 1,
        inEffect: 'E54000061',
      });
      expect(await areaCodes()).toEqual(['E54000061']);
      // Someone else's save in between: nothing changes.
      const stale = await services.dispatch('config.saveAreaCode', { areaCode: 'northshire', version: 0 });
      expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await areaCodes()).toEqual(['E54000061']);

      expect(value(await services.dispatch('config.saveAreaCode', { areaCode: '', version: 1 }))).toEqual({
        areaCode: null,
        version: 2,
        inEffect: null,
      });
      expect(await areaCodes()).toEqual(['']);
      await services.close();
    },
  );
});
