import { AREA_CODE_SETTING_KEY } from '../../core/schemas/area-code';
import type { Store } from '../store';
// The per-episode facts the dashboard shares (issue 20 item 4), so the two cannot disagree.
import {
  MI_ASSESSMENT_JSON,
  MI_FIRST_APPOINTMENT_DATE,
  MI_ON_CASELOAD,
  MI_PLAN_ACTIVE_DATE,
  MI_PLAN_AGREED_DATE,
  MI_PLAN_JSON,
  miConsentAt,
  miEpisodesCte,
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
      `(SELECT ${field} FROM follow_ups f WHERE f.participant_id = p.id AND f.exited_on = ep.ended_on AND f.point = '${point}' AND f.contacted_on <= @last ORDER BY f.version DESC LIMIT 1)`;
    return `${latest(`CASE f.outcome WHEN 'contacted' THEN f.employment_status ELSE 'could_not_contact' END`)} AS follow_up_${point}_status, ${latest('f.contacted_on')} AS follow_up_${point}_date`;
  })
  .join(',\n');

/**
 * Whether a fit note on the record was in force on the episode's start (`fit_note_in_force_at_start`,
 * 1 or 0): covering that day, to its end date or with none (indefinite), and not corrected (its
 * correction counts in its place). Read by the fit note's own dates, like the other dated entries, so
 * a fit note entered after the month still answers for it. The return falls back to the referral's
 * answer when none was (services/exports/mi-return-fit-note.ts).
 */
const FIT_NOTE_AT_START_SELECT = `EXISTS (SELECT 1 FROM fit_notes fn WHERE fn.participant_id = p.id
    AND fn.period_from <= ep.started_on AND (fn.period_to IS NULL OR fn.period_to >= ep.started_on)
    AND NOT EXISTS (SELECT 1 FROM fit_notes fc WHERE fc.replaces_id = fn.id)
  ) AS fit_note_in_force_at_start`;

/**
 * The episodes on the caseload in a reporting month (issue 20 item 4: one row per episode, with
 * `episode_number`): begun by its last day and not ended before its first. Everything is read as it
 * stood on `last`: consents decided by then (the person's, whatever the episode), and of the
 * episode's own entries (core/episodes/episode-of-date.ts: dated on or after its start and before
 * the next one's) the joined-up assessment and plan made by then, the first and latest scores of
 * each measure taken by then (with how many), the first day a plan was active by then, and its exit
 * on or before it. Episode 1 is derived from the first referral (store migration 034), each later
 * one is a `participant_episodes` row; an episode's exit is the one moved onto the next episode's
 * row, or for the newest the current `participant_exits`. The participant's current status is
 * deliberately not read: for a past month it is wrong.
 * Also the monitoring answers (date of birth only for the age band, never sent), and the evaluation
 * consent as it stands on `made` (the day the return is made), which the special category columns
 * need as well (core/exports/mi-return-columns.ts). An episode that ended before the month is still
 * in it when a follow-up of its exit was made in it.
 */
export function listMiReturnRows(store: Pick<Store, 'sqlite'>, month: { first: string; last: string; made: string }): MiReturnSourceRow[] {
  return store.sqlite
    .prepare(
      `WITH ${miEpisodesCte()}
       SELECT p.id, p.reference, ep.number AS episode_number, p.employment_status, ${MONITORING_SELECT},
         ${miConsentAt('evaluation', '@made')} AS consent_evaluation_when_made,
         ep.started_on AS referral_date,
         ep.route AS referral_source,
         ${miConsentAt('service')} AS consent_service,
         ${miConsentAt('share_partnership')} AS consent_share_partnership,
         ${miConsentAt('share_dwp')} AS consent_share_dwp,
         ${miConsentAt('evaluation')} AS consent_evaluation,
         ${MI_ASSESSMENT_JSON} AS assessment_json,
         ${MI_FIRST_APPOINTMENT_DATE} AS first_appointment_date,
         ${MI_PLAN_AGREED_DATE} AS plan_agreed_date,
         ${MI_PLAN_JSON} AS plan_json,
         ${MI_RETURN_MEASURES.map((measure) => `${miMeasureAt(measure, 'ASC', 'total')} AS ${measure}_baseline, ${miMeasureAt(measure, 'ASC', 'taken_on')} AS ${measure}_baseline_date, ${miMeasureAt(measure, 'DESC', 'total')} AS ${measure}_latest, ${miMeasureAt(measure, 'DESC', 'taken_on')} AS ${measure}_latest_date, ${miMeasureCount(measure)} AS ${measure}_count`).join(',\n')},
         ${MI_PLAN_ACTIVE_DATE} AS plan_active_date,
         CASE WHEN ep.ended_on <= @last THEN ep.ended_on END AS exited_on,
         CASE WHEN ep.ended_on <= @last THEN ep.end_reason END AS exit_reason,
         CASE WHEN ep.ended_on <= @last THEN ep.end_outcome END AS employment_outcome,
         ${FOLLOW_UP_COLUMNS},
         ${FIT_NOTE_AT_START_SELECT}
       FROM episodes ep JOIN participants p ON p.id = ep.participant_id
       WHERE ${MI_ON_CASELOAD}
       ORDER BY p.reference, ep.number`,
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
 * What the partnership's own area code (the MI return's `area_code`) is decided from
 * (core/icb-areas.ts `areaCodeInEffect`): the code an administrator set in Settings (null when none
 * is), the integrated care board area chosen at setup and the partnership's name. The same on every
 * row: an area for the partnership, never the person's.
 */
export function partnershipAreaFacts(store: Pick<Store, 'sqlite'>): { configured: string | null; icbCode: string | null; name: string } {
  const row = store.sqlite
    .prepare(
      // Subqueries, so the setting is read even where no partnership row is (yet) held.
      `SELECT (SELECT icb_code FROM partnership LIMIT 1) AS icb_code, (SELECT name FROM partnership LIMIT 1) AS name,
              (SELECT value_json FROM partnership_settings WHERE key = ?) AS configured_json`,
    )
    .get(AREA_CODE_SETTING_KEY) as { icb_code: string | null; name: string | null; configured_json: string | null } | undefined;
  const configured: unknown = row?.configured_json == null ? null : JSON.parse(row.configured_json);
  return { configured: typeof configured === 'string' ? configured : null, icbCode: row?.icb_code ?? null, name: row?.name ?? '' };
}
