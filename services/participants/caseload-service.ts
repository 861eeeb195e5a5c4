import { caseloadSearchQuery } from '../../core/caseload-search';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { reviewDueBy } from '../../core/plans/review-due';
import { caseloadFilterSchema, type CaseloadFilter, type ParticipantStatus } from '../../core/schemas/participants';
import { countCaseload, readCaseloadPage, type CaseloadQuery, type CaseloadRow } from '../../db/repositories/caseload-repository';
import { listEnabledUsers } from '../../db/repositories/user-repository';
import { decodeCaseloadCursor, encodeCaseloadCursor } from './caseload-cursor';
import { openCaseCountsByCoach } from '../../db/repositories/coach-caseload-repository';
import type { Store } from '../../db/store';

/**
 * The filters as one store query, or `null` when they cannot match anyone ("ready for MDT" with
 * another status chosen). "Open cases" is every status but exited.
 */
function toStoreQuery(filter: CaseloadFilter, now: Date): CaseloadQuery | null {
  const openOnly = filter.status === 'open';
  let status: string | null = openOnly ? null : filter.status;
  // Ready for MDT is an open status, so "open cases" and "ready for MDT" together are ready for MDT.
  if (filter.readyForMdt) {
    if (status !== null && status !== 'ready_for_mdt') return null;
    status = 'ready_for_mdt';
  }
  return {
    ftsQuery: caseloadSearchQuery(filter.search),
    status,
    openOnly,
    coachUserId: filter.coachUserId,
    reviewDueBy: filter.reviewDue ? reviewDueBy(now) : null,
    openRiskFlag: filter.openRiskFlag,
  };
}

/** One page of the caseload: search, filters, sorts and keyset pages. */
export function listCaseloadPage(store: Store, input: ParsedInput<'participants.list'>, now: Date): ChannelOutput<'participants.list'> {
  // Checked before the filters so a bad cursor is refused even when nothing could match.
  const position = input.cursor === null ? null : decodeCaseloadCursor(input.cursor, input.sort);
  const query = toStoreQuery(input, now);
  if (query === null) return { pageSize: input.pageSize, items: [], nextCursor: null, previousCursor: null };
  const page = readCaseloadPage(store, query, input.sort, position, input.pageSize);
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  return {
    pageSize: input.pageSize,
    items: page.rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      nhsNumber: row.nhs_number,
      status: row.status as ParticipantStatus,
      hasOpenRiskFlag: row.open_risk_flag_count > 0,
      serviceWithdrawnOn: row.service_withdrawn_on,
      nextReviewOn: row.next_review_on,
      referredOn: row.referred_on,
    })),
    nextCursor:
      page.hasMoreAfter && last !== undefined ? encodeCaseloadCursor(input.sort, { direction: 'after', keys: last.sortKeys }) : null,
    previousCursor:
      page.hasMoreBefore && first !== undefined ? encodeCaseloadCursor(input.sort, { direction: 'before', keys: first.sortKeys }) : null,
  };
}

/**
 * Everyone the caseload's "Review due" filter shows, soonest review first, read by the very same
 * store query: the "Due for review" list is this, so the two screens cannot disagree.
 */
export function listReviewDue(store: Store, now: Date, limit: number): readonly CaseloadRow[] {
  const query = toStoreQuery(caseloadFilterSchema.parse({ reviewDue: true }), now);
  return query === null ? [] : readCaseloadPage(store, query, 'nextReview', null, limit).rows;
}

/** How many people match the caseload search and filters. */
export function countCaseloadMatches(store: Store, filter: CaseloadFilter, now: Date): ChannelOutput<'participants.count'> {
  const query = toStoreQuery(filter, now);
  return { total: query === null ? 0 : countCaseload(store, query) };
}

/** The coach filter's and the coach chooser's choices: every enabled coach, by name, with their open cases. */
export async function listCoaches(store: Store): Promise<ChannelOutput<'caseload.coaches'>> {
  const [users, openCases] = await Promise.all([listEnabledUsers(store.db), openCaseCountsByCoach(store.db)]);
  return {
    items: users
      .filter((user) => user.role === 'coach')
      .map((user) => ({ userId: user.id, displayName: user.display_name, openCases: openCases.get(user.id) ?? 0 }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB')),
  };
}
