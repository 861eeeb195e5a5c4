import { describe, expect, it } from 'vitest';
import { isSyntheticNhsNumber, isValidNhsNumber } from '../../../core/nhs-number';
import { MAIN_BARRIERS } from '../../../core/schemas/assessment';
import { REFERRAL_ROUTES } from '../../../core/schemas/referral';
import { EMPLOYMENT_OUTCOMES } from '../../../core/schemas/action-plan';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { seedStore } from '../../../services/session/store-commands';
import { unlockStore } from '../../../services/session/unlock-store';
import { value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

/** A fixed past "now", so every seeded date is in the past for the app's own date checks too. */
const NOW = new Date('2026-11-02T09:00:00Z');
const PEOPLE = 2_000;

async function seededStore(seed: number, people = PEOPLE) {
  const dataDir = tempDir();
  const services = createAppServices({ clock: testClock(), dataDir });
  value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
  await services.close();
  await seedStore({ dataDir, passphrase: TEST_ADMIN_PASSPHRASE, participants: people, seed, now: NOW });
  const { store, dataKey } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
  dataKey.fill(0);
  return store;
}

type Row = Record<string, unknown>;

describe('synthetic seed with case histories', () => {
  it('has realistic distributions, valid test NHS numbers and a full history for people at each stage', async () => {
    const store = await seededStore(21);
    const all = <T = Row>(query: string) => store.sqlite.prepare(query).all() as T[];
    const one = (query: string) => store.sqlite.prepare(query).pluck().get() as number;
    try {
      expect(one('SELECT count(*) FROM participants')).toBe(PEOPLE);

      const nhs = store.sqlite.prepare('SELECT nhs_number FROM participants WHERE nhs_number IS NOT NULL').pluck().all() as string[];
      expect(nhs.length).toBeGreaterThan(PEOPLE * 0.8);
      expect(nhs.every((number) => isValidNhsNumber(number) && isSyntheticNhsNumber(number))).toBe(true);

      const outOfWork = one("SELECT avg(employment_status IN ('out_of_work_recent', 'out_of_work_longer')) FROM participants");
      expect(outOfWork).toBeGreaterThan(0.55);
      expect(outOfWork).toBeLessThan(0.63);

      // Everyone has a referral and service consent; every route is used.
      expect(one('SELECT count(DISTINCT participant_id) FROM referrals')).toBe(PEOPLE);
      expect(one("SELECT count(DISTINCT participant_id) FROM consents WHERE purpose = 'service' AND decision = 'given'")).toBe(PEOPLE);
      expect(all<{ route: string }>('SELECT DISTINCT route FROM referrals ORDER BY route').map((row) => row.route)).toEqual(
        [...REFERRAL_ROUTES].sort(),
      );

      // One joined-up assessment for everyone past "referred"; about 48% name mental health.
      expect(one("SELECT count(*) FROM assessments WHERE kind = 'joined_up'")).toBe(
        one("SELECT count(*) FROM participants WHERE status != 'referred'"),
      );
      const mentalHealth = one("SELECT avg(content_json ->> '$.mainBarrier' = 'mental_health') FROM assessments WHERE kind = 'joined_up'");
      expect(mentalHealth).toBeGreaterThan(0.44);
      expect(mentalHealth).toBeLessThan(0.52);
      expect(
        new Set(all<{ b: string }>("SELECT DISTINCT content_json ->> '$.mainBarrier' AS b FROM assessments").map((row) => row.b)),
      ).toEqual(new Set(MAIN_BARRIERS));

      // Several measures per person; WSAS falls between first and last for most people measured more than once, not all.
      expect(one('SELECT count(*) FROM measure_results') / PEOPLE).toBeGreaterThan(3);
      const courses = all<{ first: number; last: number }>(`
        SELECT (SELECT total FROM measure_results m WHERE m.participant_id = p.participant_id AND measure = 'wsas' ORDER BY taken_on, recorded_at LIMIT 1) AS first,
               (SELECT total FROM measure_results m WHERE m.participant_id = p.participant_id AND measure = 'wsas' ORDER BY taken_on DESC, recorded_at DESC LIMIT 1) AS last
        FROM (SELECT participant_id FROM measure_results WHERE measure = 'wsas' GROUP BY participant_id HAVING count(*) >= 3) p`);
      const improved = courses.filter((row) => row.last < row.first).length / courses.length;
      expect(improved).toBeGreaterThan(0.6);
      expect(improved).toBeLessThan(0.9);
      expect(one('SELECT count(*) FROM measure_results WHERE risk_flag = 1')).toBe(0);

      // Plans in force for "Plan active", closed for "exited", with actions across disciplines and onward referrals.
      expect(one("SELECT count(DISTINCT participant_id) FROM action_plans WHERE status = 'active'")).toBe(
        one("SELECT count(*) FROM participants WHERE status = 'active'"),
      );
      expect(one("SELECT count(*) FROM action_plans WHERE status = 'active' AND next_review_on IS NULL")).toBe(0);
      const actionsPerPlan = one("SELECT avg(json_array_length(content_json, '$.actions')) FROM action_plans WHERE status != 'superseded'");
      expect(actionsPerPlan).toBeGreaterThan(12);
      const disciplines = all<{ d: string }>(
        "SELECT DISTINCT a.value ->> '$.discipline' AS d FROM action_plans, json_each(content_json, '$.actions') a",
      ).map((row) => row.d);
      expect(new Set(disciplines)).toEqual(new Set(['employment_support', 'physiotherapy', 'mental_health', 'occupational_therapy']));
      expect(
        one(`SELECT count(*) FROM action_plans, json_each(content_json, '$.actions') a
             WHERE a.value ->> '$.kind' = 'onward_referral' AND a.value ->> '$.serviceId' IN (SELECT id FROM directory_services)`),
      ).toBeGreaterThan(100);
      expect(one("SELECT count(*) FROM action_plans p WHERE status IN ('active', 'reviewed') AND meeting_id IS NULL")).toBe(0);
      expect(one("SELECT count(*) FROM agenda_items WHERE status = 'discussed'")).toBeGreaterThan(PEOPLE * 0.4);
      expect(one("SELECT count(*) FROM agenda_items WHERE status = 'listed'")).toBeGreaterThan(0);
      expect(one('SELECT count(*) FROM workplace_adjustments')).toBeGreaterThan(PEOPLE * 0.1);
      expect(one('SELECT count(*) FROM action_updates')).toBeGreaterThan(PEOPLE);
      expect(one("SELECT count(*) FROM plan_reviews WHERE outcome = 'continue'")).toBeGreaterThan(0);

      // Everyone "exited" has an exit with an employment outcome; every outcome occurs.
      expect(one('SELECT count(*) FROM participant_exits')).toBe(one("SELECT count(*) FROM participants WHERE status = 'exited'"));
      expect(new Set(all<{ o: string }>('SELECT DISTINCT employment_outcome AS o FROM participant_exits').map((row) => row.o))).toEqual(
        new Set(EMPLOYMENT_OUTCOMES),
      );

      // Nothing dated after "now".
      expect(one(`SELECT count(*) FROM measure_results WHERE taken_on > '2026-11-02'`)).toBe(0);
      expect(one(`SELECT count(*) FROM participant_exits WHERE exited_on > '2026-11-02'`)).toBe(0);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('makes the same people and histories from the same seed', async () => {
    // Users, team members and services get fresh ids in each store: compare everything else.
    const snapshot = async (seed: number) => {
      const store = await seededStore(seed, 300);
      try {
        const rows = (query: string) => JSON.stringify(store.sqlite.prepare(query).all());
        const plans = (
          store.sqlite
            .prepare('SELECT id, participant_id, version_number, status, content_json, next_review_on FROM action_plans ORDER BY id')
            .all() as Array<Row & { content_json: string }>
        ).map(({ content_json: content, ...plan }) => ({
          ...plan,
          actions: (JSON.parse(content) as { actions: Row[] }).actions.map(({ ownerId: _owner, serviceId: _service, ...action }) => action),
        }));
        return [
          rows(
            'SELECT id, reference, given_name, family_name, date_of_birth, nhs_number, status, employment_status, next_review_on FROM participants ORDER BY id',
          ),
          rows('SELECT id, participant_id, measure, taken_on, answers_json, total FROM measure_results ORDER BY id'),
          rows('SELECT id, participant_id, route, referral_date FROM referrals ORDER BY id'),
          rows('SELECT participant_id, exited_on, employment_outcome FROM participant_exits ORDER BY participant_id'),
          JSON.stringify(plans),
        ];
      } finally {
        await store.close();
      }
    };
    const first = await snapshot(8);
    expect(await snapshot(8)).toEqual(first);
    expect((await snapshot(9))[0]).not.toEqual(first[0]);
  }, 180_000);
});
