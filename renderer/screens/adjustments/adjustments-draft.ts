import { weekStartDate } from '../../../core/adjustments/graded-return';
import { isRealIsoDate } from '../../../core/date-entry';
import type { AdjustmentCategory, AdjustmentRecommendation, AdjustmentStatus } from '../../../core/adjustments/adjustment-library';
import type { SaveAdjustmentsInput, WorkplaceAdjustmentsContent } from '../../../core/schemas/workplace-adjustments';

/**
 * What the adjustments form holds while it is edited: everything as typed (strings), so a wrong
 * entry is kept on screen beside its message instead of being lost in a conversion.
 */
export interface AdjustmentDraft {
  readonly id: string;
  readonly category: AdjustmentCategory | '';
  readonly recommendation: AdjustmentRecommendation | '';
  readonly otherRecommendation: string;
  readonly functionalNeed: string;
  readonly startOn: string;
  readonly durationWeeks: string;
  readonly reviewOn: string;
  readonly status: AdjustmentStatus;
  readonly teamNote: string;
}

export interface ScheduleWeekDraft {
  /** A stable React key: weeks are numbered by position. */
  readonly key: string;
  readonly hours: string;
  readonly duties: string;
}

export interface ScheduleDraft {
  readonly startOn: string;
  readonly weeks: readonly ScheduleWeekDraft[];
}

export interface AdjustmentsDraft {
  readonly contractedHoursPerWeek: string;
  readonly adjustments: readonly AdjustmentDraft[];
  readonly gradedReturn: ScheduleDraft | null;
}

export function newAdjustment(): AdjustmentDraft {
  return {
    id: crypto.randomUUID(),
    category: '',
    recommendation: '',
    otherRecommendation: '',
    functionalNeed: '',
    startOn: '',
    durationWeeks: '',
    reviewOn: '',
    status: 'proposed',
    teamNote: '',
  };
}

export function newWeek(hours = ''): ScheduleWeekDraft {
  return { key: crypto.randomUUID(), hours, duties: '' };
}

/**
 * A new graded return schedule: it starts when the graded hours adjustment starts (the first one with
 * a real start date), so the OT does not type the date twice; blank when there is none yet.
 */
export function newSchedule(adjustments: readonly AdjustmentDraft[]): ScheduleDraft {
  const graded = adjustments.find((adjustment) => adjustment.recommendation === 'graded_hours' && isRealIsoDate(adjustment.startOn));
  return { startOn: graded?.startOn ?? '', weeks: [newWeek()] };
}

/** The form's starting point: the saved version, or an empty one. */
export function draftFrom(content: WorkplaceAdjustmentsContent | undefined): AdjustmentsDraft {
  if (content === undefined) return { contractedHoursPerWeek: '', adjustments: [], gradedReturn: null };
  return {
    contractedHoursPerWeek: content.contractedHoursPerWeek === null ? '' : String(content.contractedHoursPerWeek),
    adjustments: content.adjustments.map((adjustment) => ({
      ...adjustment,
      otherRecommendation: adjustment.otherRecommendation ?? '',
      durationWeeks: String(adjustment.durationWeeks),
      teamNote: adjustment.teamNote ?? '',
    })),
    gradedReturn:
      content.gradedReturn === null
        ? null
        : {
            startOn: content.gradedReturn.startOn,
            weeks: content.gradedReturn.weeks.map((week) => ({ key: crypto.randomUUID(), hours: String(week.hours), duties: week.duties })),
          },
  };
}

/** The date a week begins, or '' while the schedule's start date is not a real date. */
export function weekStartOrBlank(startOn: string, index: number): string {
  return isRealIsoDate(startOn) ? weekStartDate(startOn, index) : '';
}

/** A typed number, or NaN for anything else (sent as null, which the contract names by field). */
function typedNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value.trim());
}

/**
 * The contract input from the form. Choices left blank go as they are so the services layer names
 * them; week start dates follow on from the schedule's start (the table shows them, not edits them).
 */
export function inputFrom(participantId: string, version: number | undefined, draft: AdjustmentsDraft): SaveAdjustmentsInput {
  const schedule = draft.gradedReturn;
  return {
    participantId,
    ...(version === undefined ? {} : { version }),
    contractedHoursPerWeek: draft.contractedHoursPerWeek.trim() === '' ? null : typedNumber(draft.contractedHoursPerWeek),
    adjustments: draft.adjustments.map((adjustment) => ({
      ...adjustment,
      category: adjustment.category as AdjustmentCategory,
      recommendation: adjustment.recommendation as AdjustmentRecommendation,
      otherRecommendation: adjustment.otherRecommendation,
      durationWeeks: typedNumber(adjustment.durationWeeks),
      teamNote: adjustment.teamNote,
    })),
    gradedReturn:
      schedule === null
        ? null
        : {
            startOn: schedule.startOn,
            weeks: schedule.weeks.map((week, index) => ({
              startsOn: weekStartOrBlank(schedule.startOn, index),
              hours: typedNumber(week.hours),
              duties: week.duties,
            })),
          },
  };
}
