import type { Store } from '../store';
import {
  MI_ASSESSMENT_JSON,
  MI_FIRST_APPOINTMENT_DATE,
  MI_PLAN_ACTIVE_DATE,
  MI_PLAN_AGREED_DATE,
  MI_REFERRAL_DATE,
  MI_REFERRAL_SOURCE,
  miConsentAt,
  miMeasureAt,
  miMeasureCount,
} from './mi-facts-sql';

/**
 * One person's row of the management-information return, as it stood at the end of a month:
 * codes, dates, counts and the agreed plan's and joined-up assessment's content (JSON), keyed by
 * column name (`phq9_baseline`, `consent_share_dwp`, `exit_reason`...).
 */
export type MiReturnSourceRow = Record<string, string | number | null>;

/** The measures whose first and latest totals the return carries. */
const MI_RETURN_MEASURES = ['phq9', 'gad7', 'wsas', 'mskhq', 'work_ability'] as const;

/** The person's monitoring answers (migration 037) and date of birth, as the evaluation columns read them. */
const MONITORING_SELECT = 'p.date_of_birth, p.sex, p.ethnic_category, p.disability, p.benefit_status';

/**
 * The 3- and 6-month follow-ups of the person's exit (issue 20 item 6) as they stood at the month's
 * end: the newest version contacted by then, as the employment status code or `could_not_contact`,
 * and its date (`follow_up_three_months_status`, `..._date`, and the same for `six_months`).
 */
const FOLLOW_UP_COLUMNS = ['three_months', 'six_months']
  .map((point) => {
    const latest = (field: string) =>
      `(SELECT ${field} FROM follow_ups f WHERE f.participant_id = p.id AND f.exited_on = e.exited_on AND f.point = '${point}' AND f.contacted_on <= @last ORDER BY f.version DESC LIMIT 1)`;
    return `${latest(`CASE f.outcome WHEN 'contacted' THEN f.employment_status ELSE 'could_not_contact' END`)} AS follow_up_${point}_status, ${latest('f.contacted_on')} AS follow_up_${point}_date`;
  })
  .join(',\n');

/**
 * The people on the caseload in a reporting month, by reference: referred by its last day and not
 * exited before its first. Everything is read as it stood on `last`: consents decided by then, the
 * joined-up assessment and plan made by then, the first and latest PHQ-9, GAD-7 and WSAS scores
 * taken by then (with how many), the first day a plan was active by then, and an exit on or before
 * it. The participant's current status is deliberately not read: for a past month it is wrong.
 * Also the monitoring answers (date of birth only for the age band, never sent), the MSK-HQ and
 * work ability scores, and the evaluation consent as it stands on `made` (the day the return is
 * made), which the special category columns need as well (core/exports/mi-return-columns.ts).
 * Someone who left before the month is still in it when a follow-up of their exit was made in it.
 */
export function listMiReturnRows(store: Pick<Store, 'sqlite'>, month: { first: string; last: string; made: string }): MiReturnSourceRow[] {
  return store.sqlite
    .prepare(
      `SELECT p.id, p.reference, p.employment_status, ${MONITORING_SELECT},
         ${miConsentAt('evaluation', '@made')} AS consent_evaluation_when_made,
         ${MI_REFERRAL_DATE} AS referral_date,
         ${MI_REFERRAL_SOURCE} AS referral_source,
         ${miConsentAt('service')} AS consent_service,
         ${miConsentAt('share_partnership')} AS consent_share_partnership,
         ${miConsentAt('share_dwp')} AS consent_share_dwp,
         ${miConsentAt('evaluation')} AS consent_evaluation,
         ${MI_ASSESSMENT_JSON} AS assessment_json,
         ${MI_FIRST_APPOINTMENT_DATE} AS first_appointment_date,
         ${MI_PLAN_AGREED_DATE} AS plan_agreed_date,
         (SELECT ap.content_json FROM action_plans ap WHERE ap.participant_id = p.id AND ap.mdt_agreed_at IS NOT NULL AND london_date(ap.mdt_agreed_at) <= @last ORDER BY ap.version_number DESC LIMIT 1) AS plan_json,
         ${MI_RETURN_MEASURES.map((measure) => `${miMeasureAt(measure, 'ASC', 'total')} AS ${measure}_baseline, ${miMeasureAt(measure, 'ASC', 'taken_on')} AS ${measure}_baseline_date, ${miMeasureAt(measure, 'DESC', 'total')} AS ${measure}_latest, ${miMeasureAt(measure, 'DESC', 'taken_on')} AS ${measure}_latest_date, ${miMeasureCount(measure)} AS ${measure}_count`).join(',\n')},
         ${MI_PLAN_ACTIVE_DATE} AS plan_active_date,
         e.exited_on, e.reason AS exit_reason, e.employment_outcome,
         ${FOLLOW_UP_COLUMNS}
       FROM participants p LEFT JOIN participant_exits e ON e.participant_id = p.id AND e.exited_on <= @last
       WHERE COALESCE(p.referred_on, london_date(p.created_at)) <= @last
         AND (NOT EXISTS (SELECT 1 FROM participant_exits x WHERE x.participant_id = p.id AND x.exited_on < @first)
           OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.participant_id = p.id AND f.exited_on = e.exited_on AND f.contacted_on BETWEEN @first AND @last))
       ORDER BY p.reference`,
    )
    .all({ first: month.first, last: month.last, made: month.made }) as MiReturnSourceRow[];
}

/** How many referrals were declined for one referral route and one reason (codes and a count: nothing about a person). */
export interface DeclinedReferralCount {
  readonly route: string;
  readonly reason: string;
  readonly count: number;
}

/**
 * The referrals declined in a reporting month, counted by route and decline reason: those whose
 * decision was a decline taken on a day (in England, as `london_date` reads `decided_at`) from
 * `first` to `last`. Waiting and accepted referrals are not counted, nor declines in other months.
 * Only route-and-reason pairs with a decline come back, ordered by route then reason.
 */
export function countDeclinedReferrals(store: Pick<Store, 'sqlite'>, month: { first: string; last: string }): DeclinedReferralCount[] {
  return store.sqlite
    .prepare(
      `SELECT route, COALESCE(decline_reason, 'not_recorded') AS reason, count(*) AS count
       FROM referral_inbox
       WHERE status = 'declined' AND decided_at IS NOT NULL AND london_date(decided_at) BETWEEN @first AND @last
       GROUP BY route, reason
       ORDER BY route, reason`,
    )
    .all({ first: month.first, last: month.last }) as DeclinedReferralCount[];
}

/**
 * The partnership's own area, as the MI return's `area_code` reports it: the integrated care board
 * area chosen when the partnership was set up (core/icb-areas.ts), or null for a partnership set up
 * under a name of its own. The same on every row: an area for the partnership, never the person's.
 */
export function partnershipAreaCode(store: Pick<Store, 'sqlite'>): string | null {
  const row = store.sqlite.prepare('SELECT icb_code FROM partnership LIMIT 1').get() as { icb_code: string | null } | undefined;
  return row?.icb_code ?? null;
}
