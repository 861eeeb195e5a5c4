/**
 * The per-person facts of the management-information return, as SQL expressions over a participant
 * aliased `p`, read as they stood on the day bound to `@last` (and `@first`, the period's first
 * day). The MI return (mi-return-repository.ts) and the dashboard (dashboard-repository.ts) both
 * build on these, so a referral, a wait, a status or a score is counted one way only.
 */

/**
 * On the caseload in the period: referred by its last day and not exited before its first. (The MI
 * return also lists someone who left earlier when a follow-up of their exit was made in the month.)
 */
export const MI_ON_CASELOAD = `COALESCE(p.referred_on, london_date(p.created_at)) <= @last
         AND NOT EXISTS (SELECT 1 FROM participant_exits x WHERE x.participant_id = p.id AND x.exited_on < @first)`;

/** The referral date: the latest referral's (kept on the participant), else the first referral's, else the day they were added. */
export const MI_REFERRAL_DATE = `COALESCE(p.referred_on, (SELECT min(r.referral_date) FROM referrals r WHERE r.participant_id = p.id), london_date(p.created_at))`;

/** The route of the person's (first) referral. */
export const MI_REFERRAL_SOURCE = `(SELECT r.route FROM referrals r WHERE r.participant_id = p.id ORDER BY r.referral_date, r.id LIMIT 1)`;

/**
 * A consent's state on a day (`@last` unless said: the MI return also reads evaluation consent on
 * `@made`, the day it is made): given, withdrawn (on or before it) or declined; null when none was decided by then.
 */
export function miConsentAt(
  purpose: 'service' | 'share_partnership' | 'share_dwp' | 'evaluation',
  day: '@last' | '@made' = '@last',
): string {
  return `(SELECT CASE WHEN c.decision = 'given' AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ${day}) THEN 'given' WHEN c.decision = 'given' THEN 'withdrawn' ELSE 'declined' END
      FROM consents c WHERE c.participant_id = p.id AND c.purpose = '${purpose}' AND c.decided_on <= ${day} ORDER BY c.decided_on DESC, c.recorded_at DESC LIMIT 1)`;
}

/** The latest joined-up assessment's content (JSON) by `@last`: its `mainBarrier` is the primary barrier. */
export const MI_ASSESSMENT_JSON = `(SELECT a.content_json FROM assessments a WHERE a.participant_id = p.id AND a.kind = 'joined_up' AND a.assessed_on <= @last ORDER BY a.recorded_at DESC LIMIT 1)`;

/** The first appointment: the date of the first joined-up assessment by `@last`. */
export const MI_FIRST_APPOINTMENT_DATE = `(SELECT min(a.assessed_on) FROM assessments a WHERE a.participant_id = p.id AND a.kind = 'joined_up' AND a.assessed_on <= @last)`;

/** The day (in England) the MDT first agreed a plan, by `@last`. */
export const MI_PLAN_AGREED_DATE = `(SELECT min(london_date(ap.mdt_agreed_at)) FROM action_plans ap WHERE ap.participant_id = p.id AND ap.mdt_agreed_at IS NOT NULL AND london_date(ap.mdt_agreed_at) <= @last)`;

/** The first day (in England) a plan was active, by `@last`. */
export const MI_PLAN_ACTIVE_DATE = `(SELECT min(london_date(ap.activated_at)) FROM action_plans ap WHERE ap.participant_id = p.id AND ap.activated_at IS NOT NULL AND london_date(ap.activated_at) <= @last)`;

/** The first attended contact in the contact log by `@last` (a did-not-attend is not contact). Not an MI column: the dashboard's first wait. */
export const FIRST_CONTACT_DATE = `(SELECT min(cl.contact_on) FROM contact_log cl WHERE cl.participant_id = p.id AND cl.did_not_attend = 0 AND cl.contact_on <= @last)`;

/** A measure's first (ASC) or latest (DESC) scored result by `@last`: its total or the day it was taken. */
export function miMeasureAt(measure: string, order: 'ASC' | 'DESC', field: 'total' | 'taken_on'): string {
  return `(SELECT m.${field} FROM measure_results m WHERE m.participant_id = p.id AND m.measure = '${measure}' AND m.total IS NOT NULL AND m.taken_on <= @last ORDER BY m.taken_on ${order}, m.recorded_at ${order} LIMIT 1)`;
}

/** How many scored results of a measure by `@last` (a follow-up needs more than one). */
export function miMeasureCount(measure: string): string {
  return `(SELECT count(*) FROM measure_results m WHERE m.participant_id = p.id AND m.measure = '${measure}' AND m.total IS NOT NULL AND m.taken_on <= @last)`;
}

/** The measures whose change the dashboard shows (the MI return also carries MSK-HQ and work ability). */
export const MI_MEASURES = ['phq9', 'gad7', 'wsas'] as const;
