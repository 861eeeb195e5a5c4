import { addDaysToIsoDate } from '../../../core/calendar-date';
import { ADJUSTMENT_RECOMMENDATION_LABELS, type AdjustmentCategory } from '../../../core/adjustments/adjustment-library';
import type { WorkplaceAdjustmentsContent } from '../../../core/schemas/workplace-adjustments';

/** What a new AHP report's form starts with: the period, follow-up, categories and difficulties. */
export interface AhpReportStart {
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly followUpOn: string;
  readonly categories: AdjustmentCategory[];
  readonly difficulties: Array<{
    readonly id: string;
    readonly difficulty: string;
    readonly recommendation: string;
    readonly goal: string;
  }>;
}

/**
 * A new AHP Health and Work Report started from the adjustments already recorded (those not ended),
 * so the OT reviews and adds goals instead of typing it all again: the advice applies from the first
 * start to the last end, follow-up is the earliest review, each fit note category is ticked once, and
 * each adjustment's need and recommendation become a row (its goal left for the OT to write).
 */
export function ahpStartFromAdjustments(content: WorkplaceAdjustmentsContent | null | undefined): AhpReportStart {
  const current = (content?.adjustments ?? []).filter((adjustment) => adjustment.status !== 'ended');
  if (current.length === 0) return { periodFrom: '', periodTo: '', followUpOn: '', categories: [], difficulties: [] };
  const starts = current.map((adjustment) => adjustment.startOn).sort();
  const ends = current.map((adjustment) => addDaysToIsoDate(adjustment.startOn, adjustment.durationWeeks * 7)).sort();
  const reviews = current.map((adjustment) => adjustment.reviewOn).sort();
  return {
    periodFrom: starts[0] ?? '',
    periodTo: ends[ends.length - 1] ?? '',
    followUpOn: reviews[0] ?? '',
    categories: [...new Set(current.map((adjustment) => adjustment.category))],
    difficulties: current.map((adjustment) => ({
      id: crypto.randomUUID(),
      difficulty: adjustment.functionalNeed,
      recommendation: adjustment.otherRecommendation ?? ADJUSTMENT_RECOMMENDATION_LABELS[adjustment.recommendation],
      goal: '',
    })),
  };
}
