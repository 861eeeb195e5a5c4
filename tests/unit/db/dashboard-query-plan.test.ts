import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { EXITED_IN_RANGE_SQL, REFERRED_IN_RANGE_SQL } from '../../../db/repositories/dashboard-repository';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoFromTemplate } from '../../support/demo-template';
import { testDate } from '../../support/test-clock';

/** Each step of SQLite's plan for a query, as `EXPLAIN QUERY PLAN` words it. */
type PlanStep = { detail: string };

describe("the dashboard's store queries (issue 20 item 7: under a second at 250,000 people)", () => {
  it('find the people referred, and those who left, in a range through indexes, never by reading every person or exit', async () => {
    const { services, dataDir } = await demoFromTemplate();
    await services.close();
    const { store } = await unlockStore(storePaths(dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const planOf = (query: string) =>
        (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all({ first: testDate(-84), last: testDate(0) }) as PlanStep[]).map(
          (step) => step.detail,
        );
      const referred = planOf(REFERRED_IN_RANGE_SQL);
      const exited = planOf(EXITED_IN_RANGE_SQL);
      // The people come from a range of the caseload's referral-date index, and exits from migration 038's date index.
      expect(
        referred.some((step) =>
          /^SEARCH participants USING (COVERING )?INDEX participants_sort_referred \(<expr>>\? AND <expr><\?\)/.test(step),
        ),
      ).toBe(true);
      expect(exited.some((step) => /^SEARCH e USING INDEX participant_exits_by_date \(exited_on>\? AND exited_on<\?\)/.test(step))).toBe(
        true,
      );
      // Nothing anywhere in either plan is a full scan of a table or an index.
      expect([...referred, ...exited].filter((step) => /^SCAN /.test(step))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
