import { describe, expect, it } from 'vitest';
import { caseloadSearchQuery } from '../../../core/caseload-search';
import { caseloadViewHash, DEFAULT_CASELOAD_VIEW, isFiltered, parseCaseloadView } from '../../../renderer/screens/caseload/caseload-view';

describe('the caseload view in the URL fragment', () => {
  it('round-trips every filter, the sort and the page', () => {
    const view = {
      search: 'Smith & Jones',
      status: 'active',
      coachUserId: 'a1b2-c3',
      readyForMdt: true,
      reviewDue: true,
      openRiskFlag: true,
      sort: 'nextReview',
      cursor: 'eyJzIjoi',
      page: 3,
    } as const;
    const hash = caseloadViewHash(view);
    expect(hash.startsWith('#/?')).toBe(true);
    expect(parseCaseloadView(hash)).toEqual(view);
    expect(isFiltered(view)).toBe(true);
    // "Open cases" (every status but exited) is kept in the address like any status.
    const open = { ...DEFAULT_CASELOAD_VIEW, status: 'open' } as const;
    expect(caseloadViewHash(open)).toBe('#/?status=open');
    expect(parseCaseloadView(caseloadViewHash(open))).toEqual(open);
  });

  it('is plain #/ for the default view, and ignores anything it does not know', () => {
    expect(caseloadViewHash(DEFAULT_CASELOAD_VIEW)).toBe('#/');
    expect(isFiltered(DEFAULT_CASELOAD_VIEW)).toBe(false);
    expect(parseCaseloadView('#/')).toEqual(DEFAULT_CASELOAD_VIEW);
    expect(parseCaseloadView('#/?status=nonsense&sort=drop&coach=<script>&page=-4&cursor=x&risk=yes')).toEqual(DEFAULT_CASELOAD_VIEW);
    // A cursor without a page beyond the first means the first page.
    expect(parseCaseloadView('#/?cursor=abc').cursor).toBeNull();
  });
});

describe('the search text as an FTS5 query', () => {
  it('makes every word a prefix, and never passes FTS5 syntax through', () => {
    expect(caseloadSearchQuery('Jo Smith')).toBe('"jo"* "smith"*');
    expect(caseloadSearchQuery('999 123 4567')).toBe('"999"* "123"* "4567"*');
    expect(caseloadSearchQuery('WW-000123')).toBe('"ww"* "000123"*');
    expect(caseloadSearchQuery('"smith" OR NEAR(a*)')).toBe('"smith"* "or"* "near"* "a"*');
    expect(caseloadSearchQuery("O'Brien")).toBe('"o"* "brien"*');
    expect(caseloadSearchQuery('  -- "" ()  ')).toBeNull();
  });
});
