import { MI_RETURN_COLUMN_BASIS, type MiReturnColumn } from '../../core/exports/mi-return-columns';

/**
 * The per-episode facts of the management-information return (issue 20 item 4: measures, plans and
 * outcomes are per episode), as SQL over an episode aliased `ep` (from {@link miEpisodesCte}: its
 * `participant_id` is the person's), read as they stood on the day bound to `@last` (and `@first`, the period's
 * first day). The MI return (mi-return-repository.ts) and the dashboard (dashboard-repository.ts)
 * both build on these, so a referral, a wait, a status or a score is counted one way only.
 */

/**
 * The episodes of the people in `people` (SQL selecting participant ids; every person when left out),
 * as three common table expressions ending in `episodes`: `participant_id`, `number`, `started_on`,
 * `route`, `next_started_on` (null for the newest) and how it ended (`ended_on`, `end_reason`,
 * `end_outcome`; null while it runs). Episode 1 is derived from the first referral (store migration
 * 034), each later one is a `participant_episodes` row; an episode's exit is the one moved onto the
 * next episode's row, or for the newest the current `participant_exits`. A person's episodes are
 * always read together, as each one's end depends on the next one's start.
 */
export function miEpisodesCte(people?: string): string {
  const ofPeople = (column: string) => (people === undefined ? '' : `WHERE ${column} IN (${people})`);
  return `starts AS (
         SELECT p.id AS participant_id, 1 AS number,
           COALESCE((SELECT min(r.referral_date) FROM referrals r WHERE r.participant_id = p.id), p.referred_on, london_date(p.created_at)) AS started_on,
           (SELECT r.route FROM referrals r WHERE r.participant_id = p.id ORDER BY r.referral_date, r.id LIMIT 1) AS route
         FROM participants p ${ofPeople('p.id')}
         UNION ALL SELECT participant_id, number, started_on, route FROM participant_episodes ${ofPeople('participant_id')}
       ),
       periods AS (
         SELECT s.*, lead(s.started_on) OVER (PARTITION BY s.participant_id ORDER BY s.number) AS next_started_on FROM starts s
       ),
       episodes AS (
         SELECT pr.*,
           CASE WHEN nx.participant_id IS NOT NULL THEN nx.previous_ended_on ELSE x.exited_on END AS ended_on,
           CASE WHEN nx.participant_id IS NOT NULL THEN nx.previous_end_reason ELSE x.reason END AS end_reason,
           CASE WHEN nx.participant_id IS NOT NULL THEN nx.previous_employment_outcome ELSE x.employment_outcome END AS end_outcome
         FROM periods pr
         LEFT JOIN participant_episodes nx ON nx.participant_id = pr.participant_id AND nx.number = pr.number + 1
         LEFT JOIN participant_exits x ON x.participant_id = pr.participant_id AND pr.next_started_on IS NULL
       )`;
}

/**
 * Whether an entry dated `date` is the episode's (core/episodes/episode-of-date.ts): from its start
 * (anything earlier is episode 1's) to the next one's start.
 */
export function miInEpisode(date: string): string {
  return `(ep.number = 1 OR ${date} >= ep.started_on) AND (ep.next_started_on IS NULL OR ${date} < ep.next_started_on)`;
}

/**
 * The episode is on the caseload in the period: begun by its last day and not ended before its first
 * (or, ended earlier, a follow-up of its exit was made in the period).
 */
export const MI_ON_CASELOAD = `ep.started_on <= @last
         AND (ep.ended_on IS NULL OR ep.ended_on >= @first
           OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.participant_id = ep.participant_id AND f.exited_on = ep.ended_on AND f.contacted_on BETWEEN @first AND @last))`;

/** A consent's state as the MI return counts a participant (core `isMiParticipant`): not declined or withdrawn, or none decided. */
export function miIsParticipant(consentState: string): string {
  return `ifnull(${consentState}, 'not_recorded') NOT IN ('declined', 'withdrawn')`;
}

/**
 * Whether a column may be sent for a person (core `miColumnMaySend`, over the same lawful basis
 * table) given SQL for their evaluation consent at the period's end and, for special category
 * columns, when the return is made (without it they are never sent: fails closed). Lets a query
 * read a score only for the people allowed, before it looks the score up.
 */
export function miColumnMaySendSql(column: MiReturnColumn, evaluationConsent: string, evaluationConsentWhenMade?: string): string {
  const basis = MI_RETURN_COLUMN_BASIS[column];
  if (basis === 'public_task') return '1';
  if (basis === 'evaluation_consent') return `ifnull(${evaluationConsent}, '') = 'given'`;
  if (evaluationConsentWhenMade === undefined) return '0';
  return `(ifnull(${evaluationConsent}, '') = 'given' AND ifnull(${evaluationConsentWhenMade}, '') = 'given')`;
}

/**
 * A consent's state on a day (`@last` unless said: the MI return also reads evaluation consent on
 * `@made`, the day it is made): given, withdrawn (on or before it) or declined; null when none was
 * decided by then. Consent is the person's, whatever the episode.
 */
export function miConsentAt(
  purpose: 'service' | 'share_partnership' | 'share_dwp' | 'evaluation',
  day: '@last' | '@made' = '@last',
): string {
  return `(SELECT CASE WHEN c.decision = 'given' AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ${day}) THEN 'given' WHEN c.decision = 'given' THEN 'withdrawn' ELSE 'declined' END
      FROM consents c WHERE c.participant_id = ep.participant_id AND c.purpose = '${purpose}' AND c.decided_on <= ${day} ORDER BY c.decided_on DESC, c.recorded_at DESC LIMIT 1)`;
}

/**
 * Whether a timestamp fell on or before a day in England (`london_date(ts) <= day`). The app's
 * timestamps are UTC (`...Z`), and one before 23:00 UTC on the day is on or before it in England
 * whatever the clocks, so that is settled in SQL; only the rest call `london_date`, a JavaScript
 * function, which costs the dashboard tens of thousands of calls a second otherwise.
 */
function londonDateOnOrBefore(timestamp: string, day: string): string {
  return `((${timestamp} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' AND ${timestamp} < ${day} || 'T23:00') OR london_date(${timestamp}) <= ${day})`;
}

/** A timestamp as the app writes it (`Date.toISOString`): fixed width and UTC, so sorting it as text sorts it in time. */
const ISO_UTC = `'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`;

/**
 * The day in England of the earliest `timestamp` of the rows `from` (a `FROM ... WHERE ...`). For
 * the app's own timestamps the earliest is found as text and turned into a day once (the day is
 * never earlier for a later instant), not once a row; any other form is read row by row.
 */
function firstLondonDate(timestamp: string, from: string): string {
  const iso = `${timestamp} GLOB ${ISO_UTC}`;
  return `(SELECT CASE WHEN other IS NULL THEN app WHEN app IS NULL THEN other ELSE min(app, other) END
      FROM (SELECT london_date(min(CASE WHEN ${iso} THEN ${timestamp} END)) AS app, min(CASE WHEN ${iso} THEN NULL ELSE london_date(${timestamp}) END) AS other ${from}))`;
}

const ASSESSMENT_OF_EPISODE = `a.participant_id = ep.participant_id AND a.kind = 'joined_up' AND a.assessed_on <= @last AND ${miInEpisode('a.assessed_on')}`;
const PLAN_OF_EPISODE = `ap.participant_id = ep.participant_id AND ${miInEpisode('london_date(ap.created_at)')}`;
const AGREED_BY_LAST = `ap.mdt_agreed_at IS NOT NULL AND ${londonDateOnOrBefore('ap.mdt_agreed_at', '@last')}`;

/** The episode's latest joined-up assessment's content (JSON) by `@last`: its `mainBarrier` is the primary barrier. */
export const MI_ASSESSMENT_JSON = `(SELECT a.content_json FROM assessments a WHERE ${ASSESSMENT_OF_EPISODE} ORDER BY a.recorded_at DESC LIMIT 1)`;

/**
 * The primary barrier: the `mainBarrier` of the episode's latest joined-up assessment by `@last` (as the
 * MI return reads it from {@link MI_ASSESSMENT_JSON}), read from store migration 039's index on it, not
 * from the assessment's whole content.
 */
export const MI_MAIN_BARRIER = `(SELECT json_extract(a.content_json, '$.mainBarrier') FROM assessments a WHERE ${ASSESSMENT_OF_EPISODE} ORDER BY a.recorded_at DESC LIMIT 1)`;

/** The episode's first appointment: the date of its first joined-up assessment by `@last`. */
export const MI_FIRST_APPOINTMENT_DATE = `(SELECT min(a.assessed_on) FROM assessments a WHERE ${ASSESSMENT_OF_EPISODE})`;

/** The day (in England) the MDT first agreed a plan of the episode, by `@last`. */
export const MI_PLAN_AGREED_DATE = firstLondonDate(
  'ap.mdt_agreed_at',
  `FROM action_plans ap WHERE ${PLAN_OF_EPISODE} AND ${AGREED_BY_LAST}`,
);

/** The content (JSON) of the episode's newest plan agreed by the MDT by `@last`. */
export const MI_PLAN_JSON = `(SELECT ap.content_json FROM action_plans ap WHERE ${PLAN_OF_EPISODE} AND ${AGREED_BY_LAST} ORDER BY ap.version_number DESC LIMIT 1)`;

/** The first day (in England) a plan of the episode was active, by `@last`. */
export const MI_PLAN_ACTIVE_DATE = firstLondonDate(
  'ap.activated_at',
  `FROM action_plans ap WHERE ${PLAN_OF_EPISODE} AND ap.activated_at IS NOT NULL AND ${londonDateOnOrBefore('ap.activated_at', '@last')}`,
);

/**
 * The episode's first attended contact in the contact log by `@last` (a did-not-attend is not
 * contact). Not an MI column: the dashboard's first wait.
 */
export const MI_FIRST_CONTACT_DATE = `(SELECT min(cl.contact_on) FROM contact_log cl WHERE cl.participant_id = ep.participant_id AND cl.did_not_attend = 0 AND cl.contact_on <= @last AND ${miInEpisode('cl.contact_on')})`;

/** A measure's first (ASC) or latest (DESC) scored result in the episode by `@last`: its total or the day it was taken. */
export function miMeasureAt(measure: string, order: 'ASC' | 'DESC', field: 'total' | 'taken_on'): string {
  return `(SELECT m.${field} FROM measure_results m WHERE m.participant_id = ep.participant_id AND m.measure = '${measure}' AND m.total IS NOT NULL AND m.taken_on <= @last AND ${miInEpisode('m.taken_on')} ORDER BY m.taken_on ${order}, m.recorded_at ${order} LIMIT 1)`;
}

/** How many scored results of a measure in the episode by `@last` (a follow-up needs more than one). */
export function miMeasureCount(measure: string): string {
  return `(SELECT count(*) FROM measure_results m WHERE m.participant_id = ep.participant_id AND m.measure = '${measure}' AND m.total IS NOT NULL AND m.taken_on <= @last AND ${miInEpisode('m.taken_on')})`;
}

/** The measures whose change the dashboard shows (the MI return also carries MSK-HQ and work ability). */
export const MI_MEASURES = ['phq9', 'gad7', 'wsas'] as const;
