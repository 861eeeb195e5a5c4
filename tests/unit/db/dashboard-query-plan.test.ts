import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { EXITED_COUNTS_SQL, REFERRED_COUNTS_SQL } from '../../../db/repositories/dashboard-repository';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoFromTemplate } from '../../support/demo-template';
import { testDate } from '../../support/test-clock';

/** Each step of SQLite's plan for a query, as `EXPLAIN QUERY PLAN` words it. */
type PlanStep = { detail: string };

describe("the dashboard's store queries (issue 20 item 7: under a second at 250,000 people)", () => {
  it('find the episodes begun, and those ended, in a range through indexes, never by reading every person, exit or score', async () => {
    const { services, dataDir } = await demoFromTemplate();
    await services.close();
    const { store } = await unlockStore(storePaths(dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const planOf = (query: string) =>
        (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all({ first: testDate(-84), last: testDate(0) }) as PlanStep[]).map(
          (step) => step.detail,
        );
      const referred = planOf(REFERRED_COUNTS_SQL);
      const exited = planOf(EXITED_COUNTS_SQL);
      // The people come from ranges of the caseload's referral-date index (every episode begins on a referral,
      // and `referred_on` is the latest one's date) and, for the episodes that ended, of the exits' date (migration 039's index holding the person).
      const referredRange = /^SEARCH (participants|p) USING (COVERING )?INDEX participants_sort_referred \(<expr>>\? AND <expr><\?\)/;
      expect(referred.some((step) => referredRange.test(step))).toBe(true);
      expect(exited.some((step) => referredRange.test(step))).toBe(true);
      expect(
        exited.some((step) =>
          /^SEARCH participant_exits USING COVERING INDEX participant_exits_by_date_facts \(exited_on>\? AND exited_on<\?\)/.test(step),
        ),
      ).toBe(true);
      // Each episode's facts (referrals, consents, contacts, assessments and the main barrier, plans, scores) are
      // read from migration 039's indexes alone, never from the rows.
      const lookUps = [...referred, ...exited].filter((step) => /^SEARCH (r|c|cl|a|ap|m) /.test(step));
      expect(lookUps.length).toBeGreaterThan(10);
      expect(lookUps.filter((step) => !/USING COVERING INDEX (\w+_facts|assessments_main_barrier) \(participant_id=\?/.test(step))).toEqual(
        [],
      );
      expect(
        exited.some((step) => /^SEARCH m USING COVERING INDEX measure_results_facts \(participant_id=\? AND measure=\?/.test(step)),
      ).toBe(true);
      // The only scans are of the query's own intermediate results (the candidates, the episodes and the
      // counted rows): never of a table or an index, and no index made up on the fly.
      const ownResults = /^SCAN (candidates|s|pr|ep|referred|exited|scored|\(subquery-\d+\))$/;
      expect([...referred, ...exited].filter((step) => /^SCAN /.test(step) && !ownResults.test(step))).toEqual([]);
      expect([...referred, ...exited].filter((step) => /AUTOMATIC/.test(step))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
