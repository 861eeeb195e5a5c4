import { ageBandOn } from '../../core/exports/age-band';
import type { MiReturnColumn } from '../../core/exports/mi-return-columns';
import type { MiReturnSourceRow } from '../../db/repositories/mi-return-repository';

type Cell = string | number | null;
type MeasureCells<M extends string> = Record<`${M}_baseline` | `${M}_baseline_date` | `${M}_follow_up` | `${M}_follow_up_date`, Cell>;
type EvaluationCells = Record<
  Extract<MiReturnColumn, 'age_band' | 'sex' | 'ethnic_category' | 'disability' | 'area_code' | 'benefit_status'>,
  Cell
> &
  MeasureCells<'mskhq'> &
  MeasureCells<'work_ability'>;

/**
 * A measure's latest total or date, as its follow-up: only when more than one was taken by the
 * month's end (a single score is the baseline, not a follow-up).
 */
export function measureFollowUp(row: MiReturnSourceRow, measure: string, field: 'latest' | 'latest_date'): Cell {
  return Number(row[`${measure}_count`]) > 1 ? (row[`${measure}_${field}`] ?? null) : null;
}

/** A measure's four columns: baseline and its date, latest follow-up and its date. */
function measureCells<M extends 'mskhq' | 'work_ability'>(row: MiReturnSourceRow, measure: M): MeasureCells<M> {
  return {
    [`${measure}_baseline`]: row[`${measure}_baseline`] ?? null,
    [`${measure}_baseline_date`]: row[`${measure}_baseline_date`] ?? null,
    [`${measure}_follow_up`]: measureFollowUp(row, measure, 'latest'),
    [`${measure}_follow_up_date`]: measureFollowUp(row, measure, 'latest_date'),
  } as MeasureCells<M>;
}

/**
 * The columns the service's evaluation added (issue 20 item 9): age band on the referral date (the
 * date of birth never leaves), sex, ethnic category, disability, benefit status, the partnership's
 * area code, and MSK-HQ and work ability baseline and latest follow-up. Values only: whether each
 * may be sent for this person is the caller's lawful-basis check (core/exports/mi-return-columns.ts).
 */
export function evaluationCells(row: MiReturnSourceRow, areaCode: string | null): EvaluationCells {
  const dateOfBirth = row.date_of_birth;
  const referralDate = row.referral_date;
  return {
    age_band: typeof dateOfBirth === 'string' && typeof referralDate === 'string' ? ageBandOn(dateOfBirth, referralDate) : null,
    sex: row.sex ?? null,
    ethnic_category: row.ethnic_category ?? null,
    disability: row.disability ?? null,
    area_code: areaCode,
    benefit_status: row.benefit_status ?? null,
    ...measureCells(row, 'mskhq'),
    ...measureCells(row, 'work_ability'),
  };
}
