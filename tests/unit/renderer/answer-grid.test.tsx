import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { answerLabelFor, hasOwnAnswerLabels, type MeasureWording } from '../../../core/scoring/measure-wording';
import { AnswerGrid } from '../../../renderer/components/answer-grid';

/** Synthetic three-item wording: shared labels, and item 2 (index 1) listed the other way with its own. */
const wording: MeasureWording = {
  itemLabels: ['Synthetic item 1', 'Synthetic item 2', 'Synthetic item 3'],
  responseOptions: [
    { value: 0, label: 'Synthetic shared 0' },
    { value: 1, label: 'Synthetic shared 1' },
  ],
  itemResponseOptions: {
    1: [
      { value: 0, label: 'Synthetic own 0' },
      { value: 1, label: 'Synthetic own 1' },
    ],
  },
};

describe('AnswerGrid with answer labels of a row\u2019s own', () => {
  it('heads the columns with the shared labels and shows the row\u2019s own labels visibly on its radios', () => {
    const html = renderToStaticMarkup(
      <AnswerGrid
        idPrefix="item"
        itemLabels={wording.itemLabels}
        options={[0, 1].map((value) => ({ value, label: answerLabelFor(wording, null, value) }))}
        answers={[null, null, null]}
        onAnswer={() => undefined}
        ownLabel={(itemIndex, value) => (hasOwnAnswerLabels(wording, itemIndex) ? answerLabelFor(wording, itemIndex, value) : undefined)}
      />,
    );
    expect(html).toContain('<span>Synthetic shared 0</span><span>Synthetic shared 1</span>');
    expect(html).toContain('<span class="ww-answer-grid__own-text" data-testid="item-1-option-0-own-label">Synthetic own 0</span>');
    expect(html).toContain('<span class="ww-answer-grid__own-text" data-testid="item-1-option-1-own-label">Synthetic own 1</span>');
    // The other rows keep the shared labels, read by screen readers and hidden under the headings on wide screens.
    expect(html).toContain(
      '<label class="nhsuk-label nhsuk-radios__label" for="item-0-option-1"><span class="ww-answer-grid__answer-text">Synthetic shared 1</span>',
    );
    expect(html).not.toContain('item-0-option-0-own-label');
    expect(html.match(/ww-answer-grid__own-text/g)).toHaveLength(2);
  });
});
