import { describe, expect, it } from 'vitest';
import type { MeasureWordingEntry } from '../../../core/schemas/measure-wording';
import { demoWithPerson, value } from '../../support/demo-with-person';

/** A demo partnership (one user per role), signed in as its administrator, on a fixed clock. */
async function demo() {
  const { services, signInAs } = await demoWithPerson({ clock: () => new Date('2026-11-20T10:00:00Z') });
  const list = async () => value<{ items: MeasureWordingEntry[] }>(await services.dispatch('measureWording.list', {})).items;
  return { services, signInAs, list };
}

/** Synthetic stand-in text: the real WSAS wording is copyright and never goes in the repository. */
const WSAS_WORDING = {
  stem: 'Synthetic stem: how much does your problem affect each area?',
  itemLabels: [
    'Synthetic item about work',
    'Synthetic item about home',
    'Synthetic item about social time',
    'Synthetic item about private time',
    'Synthetic item about relationships',
  ],
  responseOptions: [
    { value: 0, label: 'Synthetic: not at all' },
    { value: 8, label: 'Synthetic: very severely' },
  ],
};

describe('measure wording', () => {
  it('lists the shipped wording for every measure: standard for PHQ-9, GAD-7 and work ability, placeholders for the licensed two', async () => {
    const { services, signInAs, list } = await demo();
    await signInAs('demo.coach');
    const items = await list();
    expect(items.map((item) => [item.measure, item.source])).toEqual([
      ['phq9', 'default'],
      ['gad7', 'default'],
      ['wsas', 'placeholder'],
      ['mskhq', 'placeholder'],
      ['work_ability', 'default'],
    ]);
    expect(items[2]?.wording.itemLabels[0]).toBe('Item 1 (work)');
    await services.close();
  });

  it('an administrator saves WSAS wording; every role then sees it as configured', async () => {
    const { services, signInAs, list } = await demo();
    const saved = value<MeasureWordingEntry>(await services.dispatch('measureWording.save', { measure: 'wsas', wording: WSAS_WORDING }));
    expect(saved).toEqual({
      measure: 'wsas',
      wording: WSAS_WORDING,
      source: 'configured',
      updatedAt: '2026-11-20T10:00:00.000Z',
      updatedByName: 'Demo Administrator',
    });
    await signInAs('demo.physio');
    expect((await list()).find((item) => item.measure === 'wsas')).toEqual(saved);

    // Saving again replaces it.
    await signInAs('demo.admin');
    const shorter = { itemLabels: WSAS_WORDING.itemLabels.map((label) => `${label} (v2)`) };
    value(await services.dispatch('measureWording.save', { measure: 'wsas', wording: shorter }));
    expect((await list()).find((item) => item.measure === 'wsas')?.wording).toEqual(shorter);
    await services.close();
  });

  it('refuses every role but the administrator, through dispatch, and changes nothing', async () => {
    const { services, signInAs, list } = await demo();
    for (const username of ['demo.coordinator', 'demo.coach', 'demo.physio', 'demo.mh', 'demo.ot']) {
      await signInAs(username);
      expect(await services.dispatch('measureWording.save', { measure: 'wsas', wording: WSAS_WORDING })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await services.dispatch('measureWording.reset', { measure: 'wsas' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect((await list()).find((item) => item.measure === 'wsas')?.source).toBe('placeholder');
    await services.close();
  });

  it('refuses the wrong number of items with a field message, and stores nothing', async () => {
    const { services, list } = await demo();
    const result = await services.dispatch('measureWording.save', {
      measure: 'wsas',
      wording: { ...WSAS_WORDING, itemLabels: WSAS_WORDING.itemLabels.slice(0, 4) },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'wording.itemLabels': 'WSAS needs exactly 5 item labels' } },
    });
    expect((await list()).find((item) => item.measure === 'wsas')?.source).toBe('placeholder');
    await services.close();
  });

  it('refuses answer values outside the measure range, labels twice for one value, and blank labels, field by field', async () => {
    const { services } = await demo();
    const result = await services.dispatch('measureWording.save', {
      measure: 'mskhq',
      wording: {
        itemLabels: Array.from({ length: 14 }, (_, index) => (index === 3 ? ' ' : `Synthetic item ${index + 1}`)),
        responseOptions: [
          { value: 4, label: 'Synthetic best' },
          { value: 5, label: 'Too high' },
        ],
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'wording.itemLabels.3': 'Wording cannot be blank' } },
    });
    const ranged = await services.dispatch('measureWording.save', {
      measure: 'mskhq',
      wording: {
        itemLabels: Array.from({ length: 14 }, (_, index) => `Synthetic item ${index + 1}`),
        responseOptions: [
          { value: 4, label: 'Synthetic best' },
          { value: 5, label: 'Too high' },
          { value: 4, label: 'Again' },
        ],
      },
    });
    expect(ranged).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'wording.responseOptions.1.value': 'MSK-HQ answer values run from 0 to 4',
          'wording.responseOptions.2.value': 'Answer 4 has more than one label',
        },
      },
    });
    await services.close();
  });

  it('refuses MSK-HQ shared answer labels without labels of their own for items 12 and 13, then saves them with', async () => {
    const { services, list } = await demo();
    const wording = {
      itemLabels: Array.from({ length: 14 }, (_, index) => `Synthetic item ${index + 1}`),
      responseOptions: [{ value: 4, label: 'Synthetic best, listed first' }],
    };
    expect(await services.dispatch('measureWording.save', { measure: 'mskhq', wording })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'wording.itemResponseOptions.11': 'MSK-HQ item 12 lists its answers the other way round: give it its own answer labels',
          'wording.itemResponseOptions.12': 'MSK-HQ item 13 lists its answers the other way round: give it its own answer labels',
        },
      },
    });
    expect((await list()).find((item) => item.measure === 'mskhq')?.source).toBe('placeholder');
    const own = [{ value: 4, label: 'Synthetic best, listed last' }];
    const complete = { ...wording, itemResponseOptions: { 11: own, 12: own } };
    value(await services.dispatch('measureWording.save', { measure: 'mskhq', wording: complete }));
    expect((await list()).find((item) => item.measure === 'mskhq')?.wording.itemResponseOptions).toEqual({ 11: own, 12: own });
    await services.close();
  });

  it('reset puts the shipped wording back', async () => {
    const { services, list } = await demo();
    value(await services.dispatch('measureWording.save', { measure: 'wsas', wording: WSAS_WORDING }));
    const reset = value<MeasureWordingEntry>(await services.dispatch('measureWording.reset', { measure: 'wsas' }));
    expect(reset).toMatchObject({ measure: 'wsas', source: 'placeholder', updatedAt: null, updatedByName: null });
    expect((await list()).find((item) => item.measure === 'wsas')).toEqual(reset);
    // Resetting a measure that was never configured is harmless.
    expect(value<MeasureWordingEntry>(await services.dispatch('measureWording.reset', { measure: 'phq9' })).source).toBe('default');
    await services.close();
  });
});
