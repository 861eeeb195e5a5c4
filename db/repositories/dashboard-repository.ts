import type { Store } from '../store';
import {
  FIRST_CONTACT_DATE,
  MI_ASSESSMENT_JSON,
  MI_FIRST_APPOINTMENT_DATE,
  MI_MEASURES,
  MI_ON_CASELOAD,
  MI_PLAN_ACTIVE_DATE,
  MI_PLAN_AGREED_DATE,
  MI_REFERRAL_DATE,
  MI_REFERRAL_SOURCE,
  miConsentAt,
  miMeasureAt,
  miMeasureCount,
} from './mi-facts-sql';

/** A date range, both days included (YYYY-MM-DD). */
export interface DashboardRange {
  readonly from: string;
  readonly to: string;
}

/**
 * One person referred in the range, as the MI return reads them at the range's end: codes and
 * dates only (no reference, name or free text). Aggregated in the services, never sent on.
 */
export type ReferredFacts = {
  readonly referral_date: string;
  readonly referral_source: string | null;
  readonly consent_service: string | null;
  readonly first_contact_date: string | null;
  readonly first_appointment_date: string | null;
  readonly plan_agreed_date: string | null;
  readonly plan_active_date: string | null;
  readonly exited_on: string | null;
};

/**
 * The people referred in the range who are on the MI return's caseload for it, with their facts at
 * its end. Candidates come from the caseload's index on the referral date (`participants_sort_referred`,
 * whose key is `ifnull(referred_on, '')`); those with none (no referral row) are few, and their
 * referral date is then read as the MI return reads it.
 */
export const REFERRED_IN_RANGE_SQL = `SELECT * FROM (
    SELECT ${MI_REFERRAL_DATE} AS referral_date,
      ${MI_REFERRAL_SOURCE} AS referral_source,
      ${miConsentAt('service')} AS consent_service,
      ${FIRST_CONTACT_DATE} AS first_contact_date,
      ${MI_FIRST_APPOINTMENT_DATE} AS first_appointment_date,
      ${MI_PLAN_AGREED_DATE} AS plan_agreed_date,
      ${MI_PLAN_ACTIVE_DATE} AS plan_active_date,
      e.exited_on
    FROM participants p LEFT JOIN participant_exits e ON e.participant_id = p.id AND e.exited_on <= @last
    WHERE p.id IN (
        SELECT id FROM participants WHERE ifnull(referred_on, '') BETWEEN @first AND @last
        UNION ALL SELECT id FROM participants WHERE ifnull(referred_on, '') = '')
      AND ${MI_ON_CASELOAD}
  ) WHERE referral_date BETWEEN @first AND @last`;

/**
 * The people referred in a range (by the MI return's referral date) and on its caseload, with what
 * had happened by the range's end. Reads them through the caseload's index on the referral date.
 */
export function listReferredInRange(store: Pick<Store, 'sqlite'>, range: DashboardRange): ReferredFacts[] {
  return store.sqlite.prepare(REFERRED_IN_RANGE_SQL).all({ first: range.from, last: range.to }) as ReferredFacts[];
}

/** One person whose support ended in the range: codes, and their first and last scores (null without a follow-up). */
export interface ExitedFacts {
  readonly referral_source: string | null;
  readonly consent_service: string | null;
  readonly consent_evaluation: string | null;
  readonly primary_barrier: string | null;
  readonly employment_outcome: string;
  readonly [measureColumn: `${string}_baseline` | `${string}_latest` | `${string}_count`]: number | null;
}

/** The people whose support ended in the range, with the MI return's route, barrier, consents and scores at its end. */
export const EXITED_IN_RANGE_SQL = `SELECT ${MI_REFERRAL_SOURCE} AS referral_source,
      ${miConsentAt('service')} AS consent_service,
      ${miConsentAt('evaluation')} AS consent_evaluation,
      json_extract(${MI_ASSESSMENT_JSON}, '$.mainBarrier') AS primary_barrier,
      e.employment_outcome,
      ${MI_MEASURES.map((measure) => `${miMeasureAt(measure, 'ASC', 'total')} AS ${measure}_baseline, ${miMeasureAt(measure, 'DESC', 'total')} AS ${measure}_latest, ${miMeasureCount(measure)} AS ${measure}_count`).join(',\n      ')}
    FROM participant_exits e JOIN participants p ON p.id = e.participant_id
    WHERE e.exited_on BETWEEN @first AND @last AND ${MI_ON_CASELOAD}`;

/** The people whose support ended in a range (by the exit's date), read through the exits' date index (migration 038). */
export function listExitedInRange(store: Pick<Store, 'sqlite'>, range: DashboardRange): ExitedFacts[] {
  return store.sqlite.prepare(EXITED_IN_RANGE_SQL).all({ first: range.from, last: range.to }) as ExitedFacts[];
}
