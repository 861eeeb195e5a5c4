import { describe, expect, it } from 'vitest';
import * as scoring from '../../../../core/scoring';

describe('core/scoring public API', () => {
  it('exports the scorers, registry and change helpers', () => {
    for (const name of [
      'scorePhq9',
      'scoreGad7',
      'scoreWsas',
      'scoreMskHq',
      'scoreWorkAbility',
      'scoreMeasure',
      'getMeasureDefinition',
      'compareDepressionAnxiety',
      'reliableChange',
      'trend',
    ] as const) {
      expect(typeof scoring[name]).toBe('function');
    }
    expect(Object.keys(scoring.MEASURE_DEFINITIONS)).toEqual(['phq9', 'gad7', 'wsas', 'mskhq', 'work_ability']);
  });
});
