import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MeasureWordingEntry } from '../../../core/schemas/measure-wording';
import type { ApiClient } from '../../../renderer/api/api-client';
import { ApiProvider } from '../../../renderer/api/api-context';
import { MeasureWordingForm } from '../../../renderer/screens/measures/measure-wording-form';

/** A static render never calls the contract; a call would be a bug, so it fails loudly. */
const unused: ApiClient = { call: () => Promise.reject(new Error('a static render makes no calls')) };

/** The form's markup for one measure's wording entry. */
function render(entry: MeasureWordingEntry): string {
  return renderToStaticMarkup(
    <ApiProvider client={unused}>
      <MeasureWordingForm entry={entry} onChanged={() => undefined} />
    </ApiProvider>,
  );
}

describe('MeasureWordingForm: answer labels of their own', () => {
  it('asks for MSK-HQ items 12 and 13 labels of their own, filled from the configured wording', () => {
    const html = render({
      measure: 'mskhq',
      source: 'configured',
      updatedAt: '2026-11-20T10:00:00.000Z',
      updatedByName: 'Demo Administrator',
      wording: {
        itemLabels: Array.from({ length: 14 }, (_, index) => `Synthetic item ${index + 1}`),
        responseOptions: [{ value: 4, label: 'Synthetic shared best' }],
        itemResponseOptions: { 11: [{ value: 4, label: 'Synthetic item 12 best' }], 12: [{ value: 4, label: 'Synthetic item 13 best' }] },
      },
    });
    expect(html).toContain('Answer labels for item 12');
    expect(html).toContain('Answer labels for item 13');
    expect(html).not.toContain('Answer labels for item 11');
    expect(html).toMatch(
      /id="wording-item-11-option-4"[^>]*value="Synthetic item 12 best"|value="Synthetic item 12 best"[^>]*id="wording-item-11-option-4"/,
    );
    expect(html).toMatch(
      /id="wording-item-12-option-4"[^>]*value="Synthetic item 13 best"|value="Synthetic item 13 best"[^>]*id="wording-item-12-option-4"/,
    );
  });

  it('asks for no labels of their own on measures that list every item the same way', () => {
    const html = render({
      measure: 'wsas',
      source: 'placeholder',
      updatedAt: null,
      updatedByName: null,
      wording: { itemLabels: ['A', 'B', 'C', 'D', 'E'] },
    });
    expect(html).toContain('Answer labels');
    expect(html).not.toContain('Answer labels for item');
  });
});
