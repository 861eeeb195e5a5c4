import { missingMinimumData } from '../../../core/meetings/minimum-data';
import { MISSING_ITEM_LABELS, type MinimumData, type MissingItem } from '../../../core/schemas/meetings';

/** The minimum data a case lacks (the core rule), as checklist items with their labels. */
export function minimumDataProblems(minimumData: MinimumData): Array<{ item: MissingItem; label: string }> {
  return missingMinimumData(minimumData).map((item) => ({ item, label: MISSING_ITEM_LABELS[item] }));
}
