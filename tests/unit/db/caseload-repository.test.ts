import { describe, expect, it } from 'vitest';
import { caseloadSearchQuery } from '../../../core/caseload-search';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import {
  readCaseloadPage,
  type CaseloadPosition,
  type CaseloadQuery,
  type CaseloadSortKey,
} from '../../../db/repositories/caseload-repository';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoWithPerson } from '../../support/demo-with-person';
import { testDate } from '../../support/test-clock';

const NO_FILTER: CaseloadQuery = { ftsQuery: null, status: null, coachUserId: null, reviewDueBy: null, openRiskFlag: false };

describe('caseload search paths', () => {
  it('a narrow search (inside the search index) and a broad one (along the sort index) give the same pages', async () => {
    const { services, dataDir } = await demoWithPerson();
    await services.close();
    const { store } = await unlockStore(storePaths(dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const coach = store.sqlite.prepare("SELECT id FROM users WHERE role = 'coach'").pluck().get() as string;
      const queries: CaseloadQuery[] = [
        { ...NO_FILTER, ftsQuery: caseloadSearchQuery('a') },
        { ...NO_FILTER, ftsQuery: caseloadSearchQuery('999'), status: 'active' },
        { ...NO_FILTER, ftsQuery: caseloadSearchQuery('s'), coachUserId: coach },
        { ...NO_FILTER, ftsQuery: caseloadSearchQuery('999'), reviewDueBy: testDate(56) },
      ];
      for (const query of queries) {
        for (const sort of ['name', 'nextReview', 'referralDate'] as CaseloadSortKey[]) {
          const walk = (threshold: number) => {
            const ids: string[] = [];
            let position: CaseloadPosition | null = null;
            for (;;) {
              const page = readCaseloadPage(store, query, sort, position, 7, threshold);
              ids.push(...page.rows.map((row) => row.id));
              const last = page.rows[page.rows.length - 1];
              if (!page.hasMoreAfter || last === undefined) return ids;
              position = { direction: 'after', keys: last.sortKeys };
            }
          };
          const narrow = walk(1_000_000);
          expect(narrow.length, `${query.ftsQuery} ${sort}`).toBeGreaterThan(7);
          expect(walk(0), `${query.ftsQuery} ${sort}`).toEqual(narrow);
        }
      }
    } finally {
      await store.close();
    }
  });
});
