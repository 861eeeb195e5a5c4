import { describe, expect, it } from 'vitest';
import {
  getMeasureDefinition,
  LOINC_SYSTEM,
  MEASURE_DEFINITION_LIST,
  MEASURE_DEFINITIONS,
  measureResponseSchema,
  measureWordingSchemaFor,
  scoreMeasure,
} from '../../../../core/scoring/measure-definitions';
import { MEASURE_IDS } from '../../../../core/scoring/measure-id';
import { measureScoreSchema } from '../../../../core/scoring/measure-score';
import { validationFields } from './validation-error';

describe('measure registry', () => {
  it('describes every measure with the published item counts and ranges', () => {
    const summary = MEASURE_DEFINITION_LIST.map((definition) => [
      definition.id,
      definition.itemCount,
      definition.itemMin,
      definition.itemMax,
      definition.totalMax,
      definition.allowsUnanswered,
      definition.notApplicableItems,
      definition.higherIsBetter,
      definition.casenessThreshold,
    ]);
    expect(summary).toEqual([
      ['phq9', 9, 0, 3, 27, false, [], false, 10],
      ['gad7', 7, 0, 3, 21, false, [], false, 8],
      // WSAS: only the work item may be "not applicable".
      ['wsas', 5, 0, 8, 40, true, [0], false, null],
      ['mskhq', 14, 0, 4, 56, false, [], true, null],
      ['work_ability', 1, 0, 10, 10, false, [], true, null],
    ]);
  });

  it('keys each definition by its own id, in MEASURE_IDS order', () => {
    expect(MEASURE_DEFINITION_LIST.map((definition) => definition.id)).toEqual([...MEASURE_IDS]);
    for (const id of MEASURE_IDS) expect(getMeasureDefinition(id).id).toBe(id);
  });

  it('carries the LOINC total codes for PHQ-9 and GAD-7 only', () => {
    expect(LOINC_SYSTEM).toBe('http://loinc.org');
    expect(MEASURE_DEFINITIONS.phq9.loincTotalCode).toBe('44261-6');
    // The total score's code (69737-5 is the GAD-7 panel, not its total).
    expect(MEASURE_DEFINITIONS.gad7.loincTotalCode).toBe('70274-6');
    expect(MEASURE_DEFINITIONS.wsas.loincTotalCode).toBeNull();
    expect(MEASURE_DEFINITIONS.mskhq.loincTotalCode).toBeNull();
    expect(MEASURE_DEFINITIONS.work_ability.loincTotalCode).toBeNull();
  });

  it('lists bands for each measure, and none for MSK-HQ', () => {
    expect(MEASURE_DEFINITIONS.phq9.bands.map((band) => band.rangeLabel)).toEqual(['0-4', '5-9', '10-14', '15-19', '20-27']);
    expect(MEASURE_DEFINITIONS.gad7.bands.map((band) => band.rangeLabel)).toEqual(['0-4', '5-9', '10-14', '15-21']);
    expect(MEASURE_DEFINITIONS.wsas.bands.map((band) => band.band)).toEqual(['subclinical', 'significant', 'moderately_severe_or_worse']);
    expect(MEASURE_DEFINITIONS.mskhq.bands).toEqual([]);
    expect(MEASURE_DEFINITIONS.work_ability.bands.map((band) => band.rangeLabel)).toEqual(['0-5', '6-7', '8-10']);
  });

  it('gives default wording with one label per item', () => {
    for (const definition of MEASURE_DEFINITION_LIST) {
      expect(definition.defaultWording.itemLabels).toHaveLength(definition.itemCount);
      expect(measureWordingSchemaFor(definition.id).safeParse(definition.defaultWording).success).toBe(true);
    }
  });

  it('ships the standard PHQ-9 and GAD-7 wording', () => {
    const phq9 = MEASURE_DEFINITIONS.phq9.defaultWording;
    expect(phq9.stem).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(phq9.itemLabels[0]).toBe('Little interest or pleasure in doing things');
    expect(phq9.itemLabels[8]).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(phq9.responseOptions).toEqual([
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Several days' },
      { value: 2, label: 'More than half the days' },
      { value: 3, label: 'Nearly every day' },
    ]);
    const gad7 = MEASURE_DEFINITIONS.gad7.defaultWording;
    expect(gad7.stem).toBe('Over the last 2 weeks, how often have you been bothered by the following problems?');
    expect(gad7.itemLabels[0]).toBe('Feeling nervous, anxious, or on edge');
    expect(gad7.itemLabels[6]).toBe('Feeling afraid as if something awful might happen');
    expect(gad7.responseOptions).toEqual(phq9.responseOptions);
  });

  it('ships only neutral placeholders for the licensed WSAS and MSK-HQ wording', () => {
    expect(MEASURE_DEFINITIONS.wsas.wordingLicensed).toBe(true);
    expect(MEASURE_DEFINITIONS.mskhq.wordingLicensed).toBe(true);
    expect(MEASURE_DEFINITIONS.wsas.defaultWording).toEqual({
      itemLabels: [
        'Item 1 (work)',
        'Item 2 (home management)',
        'Item 3 (social leisure)',
        'Item 4 (private leisure)',
        'Item 5 (relationships)',
      ],
    });
    expect(MEASURE_DEFINITIONS.mskhq.defaultWording.itemLabels[0]).toBe('Item 1');
    expect(MEASURE_DEFINITIONS.mskhq.defaultWording.itemLabels[13]).toBe('Item 14');
    expect(MEASURE_DEFINITIONS.mskhq.defaultWording.stem).toBeUndefined();
    expect(MEASURE_DEFINITIONS.mskhq.defaultWording.responseOptions).toBeUndefined();
  });

  it('uses the agreed work ability wording', () => {
    expect(MEASURE_DEFINITIONS.work_ability.defaultWording.itemLabels).toEqual([
      'Current work ability compared with your lifetime best (0 = cannot work at all, 10 = work ability at its best)',
    ]);
  });
});

describe('scoreMeasure', () => {
  it('scores each measure through the registry, in the common shape', () => {
    const results = [
      scoreMeasure('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1]),
      scoreMeasure('gad7', [2, 2, 2, 2, 0, 0, 0]),
      scoreMeasure('wsas', ['not_applicable', 8, 8, 8, 8]),
      scoreMeasure(
        'mskhq',
        Array.from({ length: 14 }, () => 2),
      ),
      scoreMeasure('work_ability', [7]),
    ];
    expect(results.map(({ measure, total, band, riskFlag, caseness }) => ({ measure, total, band, riskFlag, caseness }))).toEqual([
      { measure: 'phq9', total: 9, band: 'mild', riskFlag: true, caseness: false },
      { measure: 'gad7', total: 8, band: 'mild', riskFlag: false, caseness: true },
      { measure: 'wsas', total: 40, band: 'moderately_severe_or_worse', riskFlag: false, caseness: null },
      { measure: 'mskhq', total: 28, band: null, riskFlag: false, caseness: null },
      { measure: 'work_ability', total: 7, band: 'moderate', riskFlag: false, caseness: null },
    ]);
    for (const result of results) expect(measureScoreSchema.safeParse(result).success).toBe(true);
  });

  it("refuses another measure's answers with a VALIDATION error", () => {
    expect(validationFields(() => scoreMeasure('gad7', [0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({ answers: 'GAD-7 needs exactly 7 answers' });
    expect(validationFields(() => scoreMeasure('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 'not_applicable']))).toEqual({
      'answers.8': 'Each answer must be a whole number from 0 to 3',
    });
    expect(validationFields(() => scoreMeasure('work_ability', 'seven'))).toEqual({
      answers: 'The work ability score needs exactly 1 answer',
    });
  });
});

describe('measureResponseSchema', () => {
  it('checks the answers against the named measure', () => {
    expect(measureResponseSchema.safeParse({ measure: 'wsas', answers: ['not_applicable', 2, null, 3, 1] }).success).toBe(true);
    expect(measureResponseSchema.safeParse({ measure: 'phq9', answers: [1, 2, null, 3, 0, 0, 0, 0, 0] }).success).toBe(false);
    expect(measureResponseSchema.safeParse({ measure: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] }).success).toBe(false);
    expect(measureResponseSchema.safeParse({ measure: 'hads', answers: [] }).success).toBe(false);
    expect(measureResponseSchema.safeParse({ measure: 'work_ability', answers: [5], extra: true }).success).toBe(false);
  });
});

describe('measureWordingSchemaFor', () => {
  it('accepts configured licensed wording with one label per item', () => {
    const wording = {
      stem: 'Configured stem',
      itemLabels: ['A', 'B', 'C', 'D', 'E'],
      responseOptions: [
        { value: 0, label: 'Zero' },
        { value: 8, label: 'Eight' },
      ],
    };
    expect(measureWordingSchemaFor('wsas').safeParse(wording).success).toBe(true);
  });

  it('refuses the wrong number of labels, blank labels and out-of-range option values', () => {
    const schema = measureWordingSchemaFor('wsas');
    const tooFew = schema.safeParse({ itemLabels: ['A', 'B'] });
    expect(tooFew.success).toBe(false);
    expect(tooFew.error?.issues[0]?.message).toBe('WSAS needs exactly 5 item labels');
    expect(schema.safeParse({ itemLabels: ['A', 'B', ' ', 'D', 'E'] }).success).toBe(false);
    const badOption = schema.safeParse({ itemLabels: ['A', 'B', 'C', 'D', 'E'], responseOptions: [{ value: 9, label: 'Nine' }] });
    expect(badOption.success).toBe(false);
    expect(badOption.error?.issues[0]?.path).toEqual(['responseOptions', 0, 'value']);
  });
});

describe('MSK-HQ items 12 and 13: their own answer labels', () => {
  const itemLabels = Array.from({ length: 14 }, (_, index) => `Synthetic item ${index + 1}`);
  // Synthetic stand-ins for the licensed labels: on most items the best answer (score 4) is listed first.
  const shared = [
    { value: 4, label: 'Synthetic: best listed first' },
    { value: 0, label: 'Synthetic: worst listed last' },
  ];
  const reversed = [
    { value: 0, label: 'Synthetic: worst listed first' },
    { value: 4, label: 'Synthetic: best listed last' },
  ];

  it('declares items 12 and 13 (indexes 11 and 12) as needing their own labels, and no other measure any', () => {
    expect(MEASURE_DEFINITION_LIST.map((definition) => [definition.id, definition.ownLabelItems])).toEqual([
      ['phq9', []],
      ['gad7', []],
      ['wsas', []],
      ['mskhq', [11, 12]],
      ['work_ability', []],
    ]);
  });

  it('refuses shared answer labels without labels of their own for items 12 and 13, with a field error on each', () => {
    const refused = measureWordingSchemaFor('mskhq').safeParse({ itemLabels, responseOptions: shared });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['itemResponseOptions', '11'], 'MSK-HQ item 12 lists its answers the other way round: give it its own answer labels'],
      [['itemResponseOptions', '12'], 'MSK-HQ item 13 lists its answers the other way round: give it its own answer labels'],
    ]);
    const onlyOne = measureWordingSchemaFor('mskhq').safeParse({
      itemLabels,
      responseOptions: shared,
      itemResponseOptions: { 11: reversed },
    });
    expect(onlyOne.error?.issues.map((issue) => issue.path)).toEqual([['itemResponseOptions', '12']]);
  });

  it('accepts shared labels with labels of their own for items 12 and 13, and item numbers only (no labels at all)', () => {
    const schema = measureWordingSchemaFor('mskhq');
    expect(schema.safeParse({ itemLabels, responseOptions: shared, itemResponseOptions: { 11: reversed, 12: reversed } }).success).toBe(
      true,
    );
    expect(schema.safeParse({ itemLabels }).success).toBe(true);
  });

  it("checks an item's own labels like the shared ones, and refuses items the measure does not have", () => {
    const result = measureWordingSchemaFor('mskhq').safeParse({
      itemLabels,
      itemResponseOptions: {
        11: [{ value: 5, label: 'Too high' }],
        12: [...reversed, { value: 0, label: 'Again' }],
        14: reversed,
        '01': reversed,
      },
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['itemResponseOptions', '01'], 'Invalid key in record'],
    ]);
    const ranged = measureWordingSchemaFor('mskhq').safeParse({
      itemLabels,
      itemResponseOptions: { 11: [{ value: 5, label: 'Too high' }], 12: [...reversed, { value: 0, label: 'Again' }], 14: reversed },
    });
    expect(ranged.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['itemResponseOptions', '11', 0, 'value'], 'MSK-HQ answer values run from 0 to 4'],
      [['itemResponseOptions', '12', 2, 'value'], 'Answer 0 has more than one label'],
      [['itemResponseOptions', '14'], 'MSK-HQ has no item 15'],
    ]);
  });
});
