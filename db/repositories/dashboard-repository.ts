import type { Store } from '../store';
import {
  MI_FIRST_APPOINTMENT_DATE,
  MI_FIRST_CONTACT_DATE,
  MI_MAIN_BARRIER,
  MI_MEASURES,
  MI_ON_CASELOAD,
  MI_PLAN_ACTIVE_DATE,
  MI_PLAN_AGREED_DATE,
  miColumnMaySendSql,
  miConsentAt,
  miEpisodesCte,
  miIsParticipant,
  miMeasureAt,
  miMeasureCount,
} from './mi-facts-sql';

/** A date range, both days included (YYYY-MM-DD). */
export interface DashboardRange {
  readonly from: string;
  readonly to: string;
}

/** The dates whose waits the dashboard shows, as the referred episodes' columns. */
export const WAIT_COLUMNS = {
  firstContact: 'first_contact_date',
  assessment: 'first_appointment_date',
  planAgreed: 'plan_agreed_date',
} as const;

/**
 * One count over the episodes begun in the range, by `figure`:
 * - `referral`: by route (`key`, null when not recorded) and referral date (`day`);
 * - `status`: by which of the MI return's status dates were reached by the range's end (`exited_on`,
 *   `plan_active_date`, `first_appointment_date`: one of each group's dates, or null when none was);
 * - `reached:<wait>`: by whole days from the referral to the step (`days`, 0 when it came before);
 * - `waiting:<wait>`: not reached by the range's end, by whole days from the referral to that end.
 * Codes, dates and counts only: nothing about a person.
 */
export type ReferredCount = {
  readonly figure: string;
  readonly key: string | null;
  readonly day: string | null;
  readonly days: number | null;
  readonly exited_on: string | null;
  readonly plan_active_date: string | null;
  readonly first_appointment_date: string | null;
  readonly count: number;
};

const daysFrom = (from: string, to: string) => `CAST(round(julianday(${to}) - julianday(${from})) AS INTEGER)`;

/**
 * The episodes begun in the range (by the MI return's referral date, `started_on`) and on its
 * caseload (service consent not declined or withdrawn at its end), counted as {@link ReferredCount}s
 * with what had happened in each episode by the range's end. Every episode begins on a referral and
 * `participants.referred_on` is the latest referral's date, so the people are found through the
 * caseload's index on it (`participants_sort_referred`, key `ifnull(referred_on, '')`): from the
 * range's first day on, plus the few with no referral row; the per-episode facts are read only for
 * the episodes begun in the range.
 */
export const REFERRED_COUNTS_SQL = `WITH candidates AS (
      SELECT id FROM participants WHERE ifnull(referred_on, '') BETWEEN @first AND '9999-12-31'
      UNION ALL SELECT id FROM participants WHERE ifnull(referred_on, '') = ''
    ),
    ${miEpisodesCte('SELECT id FROM candidates')},
    referred AS MATERIALIZED (
      SELECT ep.started_on, ep.route,
        ${MI_FIRST_CONTACT_DATE} AS first_contact_date,
        ${MI_FIRST_APPOINTMENT_DATE} AS first_appointment_date,
        ${MI_PLAN_AGREED_DATE} AS plan_agreed_date,
        ${MI_PLAN_ACTIVE_DATE} AS plan_active_date,
        CASE WHEN ep.ended_on <= @last THEN ep.ended_on END AS exited_on
      FROM episodes ep
      WHERE ep.started_on BETWEEN @first AND @last AND ${MI_ON_CASELOAD} AND ${miIsParticipant(miConsentAt('service'))}
    )
    SELECT 'referral' AS figure, route AS key, started_on AS day, NULL AS days, NULL AS exited_on, NULL AS plan_active_date,
        NULL AS first_appointment_date, count(*) AS count
      FROM referred GROUP BY route, started_on
    UNION ALL SELECT 'status', NULL, NULL, NULL, max(exited_on), max(plan_active_date), max(first_appointment_date), count(*)
      FROM referred GROUP BY exited_on IS NULL, plan_active_date IS NULL, first_appointment_date IS NULL
    ${Object.entries(WAIT_COLUMNS)
      .map(
        ([wait, column]) =>
          `UNION ALL SELECT 'reached:${wait}', NULL, NULL, max(0, ${daysFrom('started_on', column)}) AS days, NULL, NULL, NULL, count(*)
      FROM referred WHERE ${column} IS NOT NULL GROUP BY days
    UNION ALL SELECT 'waiting:${wait}', NULL, NULL, ${daysFrom('started_on', '@last')} AS days, NULL, NULL, NULL, count(*)
      FROM referred WHERE ${column} IS NULL GROUP BY days`,
      )
      .join('\n    ')}`;

/** The episodes begun in a range, counted by route and day, status at its end and each wait's days. */
export function countReferredInRange(store: Pick<Store, 'sqlite'>, range: DashboardRange): ReferredCount[] {
  return store.sqlite.prepare(REFERRED_COUNTS_SQL).all({ first: range.from, last: range.to }) as ReferredCount[];
}

/**
 * One count over the episodes ended in the range, by `figure`:
 * - `route` / `barrier`: by referral route or main barrier (`key`, null when not recorded) and the
 *   employment outcome (`outcome`);
 * - a measure (`phq9`...): the episodes with a follow-up (two or more scores) that may be counted,
 *   with the sums of their first and latest scores and how many went down, stayed or went up.
 */
export interface ExitedCount {
  readonly figure: string;
  readonly key: string | null;
  readonly outcome: string | null;
  readonly count: number;
  readonly baseline_sum: number | null;
  readonly latest_sum: number | null;
  readonly lower: number | null;
  readonly same: number | null;
  readonly higher: number | null;
}

/**
 * The episodes ended in the range (on the caseload: service consent not declined or withdrawn at its
 * end), counted as {@link ExitedCount}s. An episode's end is the person's current exit (found
 * through migration 038's index on its date) or, for an earlier episode, kept on the next episode's
 * row, which began on a referral after it: those people are among the ones referred since the
 * range's first day. Scores are looked up only for the episodes whose evaluation consent lets the MI
 * return send the measure's follow-up (its lawful basis rule, in SQL before any look-up).
 */
export const EXITED_COUNTS_SQL = `WITH candidates AS (
      SELECT participant_id AS id FROM participant_exits WHERE exited_on BETWEEN @first AND @last
      UNION ALL SELECT p.id FROM participants p
        WHERE ifnull(p.referred_on, '') BETWEEN @first AND '9999-12-31' AND EXISTS (SELECT 1 FROM participant_episodes pe WHERE pe.participant_id = p.id)
    ),
    ${miEpisodesCte('SELECT id FROM candidates')},
    exited AS MATERIALIZED (
      SELECT ep.*, ${MI_MAIN_BARRIER} AS primary_barrier, ${miConsentAt('evaluation')} AS consent_evaluation
      FROM episodes ep
      WHERE ep.ended_on BETWEEN @first AND @last AND ${MI_ON_CASELOAD} AND ${miIsParticipant(miConsentAt('service'))}
    ),
    scored AS MATERIALIZED (
      SELECT ${MI_MEASURES.map((measure) => {
        const allowed = miColumnMaySendSql(`${measure}_follow_up`, 'ep.consent_evaluation');
        return `CASE WHEN ${allowed} THEN ${miMeasureCount(measure)} END AS ${measure}_count,
        CASE WHEN ${allowed} THEN ${miMeasureAt(measure, 'ASC', 'total')} END AS ${measure}_baseline,
        CASE WHEN ${allowed} THEN ${miMeasureAt(measure, 'DESC', 'total')} END AS ${measure}_latest`;
      }).join(',\n        ')}
      FROM exited ep
      WHERE ${MI_MEASURES.map((measure) => miColumnMaySendSql(`${measure}_follow_up`, 'ep.consent_evaluation')).join(' OR ')}
    )
    SELECT 'route' AS figure, route AS key, end_outcome AS outcome, count(*) AS count,
        NULL AS baseline_sum, NULL AS latest_sum, NULL AS lower, NULL AS same, NULL AS higher
      FROM exited GROUP BY route, end_outcome
    UNION ALL SELECT 'barrier', primary_barrier, end_outcome, count(*), NULL, NULL, NULL, NULL, NULL FROM exited GROUP BY primary_barrier, end_outcome
    ${MI_MEASURES.map(
      (measure) => `UNION ALL SELECT '${measure}', NULL, NULL, count(*), sum(${measure}_baseline), sum(${measure}_latest),
        ifnull(sum(${measure}_latest < ${measure}_baseline), 0), ifnull(sum(${measure}_latest = ${measure}_baseline), 0), ifnull(sum(${measure}_latest > ${measure}_baseline), 0)
      FROM scored WHERE ${measure}_count > 1`,
    ).join('\n    ')}`;

/** The episodes ended in a range (by the exit's date), counted by route, barrier and outcome, with their change in scores. */
export function countExitedInRange(store: Pick<Store, 'sqlite'>, range: DashboardRange): ExitedCount[] {
  return store.sqlite.prepare(EXITED_COUNTS_SQL).all({ first: range.from, last: range.to }) as ExitedCount[];
}
