import { describe, expect, it } from 'vitest';
import { answerLabelFor, hasOwnAnswerLabels, type MeasureWording } from '../../../../core/scoring/measure-wording';

/** Synthetic MSK-HQ-shaped wording: shared labels, and item 12 (index 11) with its own, listed the other way. */
const wording: MeasureWording = {
  itemLabels: Array.from({ length: 14 }, (_, index) => `Synthetic item ${index + 1}`),
  responseOptions: [
    { value: 4, label: 'Synthetic shared best' },
    { value: 0, label: 'Synthetic shared worst' },
  ],
  itemResponseOptions: {
    11: [
      { value: 4, label: 'Synthetic item 12 best' },
      { value: 0, label: 'Synthetic item 12 worst' },
    ],
  },
};

describe('answerLabelFor', () => {
  it("takes item 12's labels from its own options", () => {
    expect(answerLabelFor(wording, 11, 4)).toBe('Synthetic item 12 best');
    expect(answerLabelFor(wording, 11, 0)).toBe('Synthetic item 12 worst');
    expect(hasOwnAnswerLabels(wording, 11)).toBe(true);
  });

  it('takes the other items from the shared options', () => {
    expect(answerLabelFor(wording, 0, 4)).toBe('Synthetic shared best');
    expect(answerLabelFor(wording, 12, 0)).toBe('Synthetic shared worst');
    expect(hasOwnAnswerLabels(wording, 0)).toBe(false);
    // A column heading (no item) always takes the shared label.
    expect(answerLabelFor(wording, null, 4)).toBe('Synthetic shared best');
  });

  it('shows a bare number for a value without a label, never the shared label on an item with its own', () => {
    expect(answerLabelFor(wording, 11, 2)).toBe('2');
    expect(answerLabelFor(wording, 0, 2)).toBe('2');
    expect(answerLabelFor({ itemLabels: ['Synthetic'] }, 0, 3)).toBe('3');
  });
});
