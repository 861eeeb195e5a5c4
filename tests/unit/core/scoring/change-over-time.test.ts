import { describe, expect, it } from 'vitest';
import { compareDepressionAnxiety, reliableChange, trend } from '../../../../core/scoring/change-over-time';

describe('reliableChange', () => {
  it('counts a PHQ-9 fall of exactly 6 as reliable improvement, and 5 as not', () => {
    expect(reliableChange('phq9', 16, 10)).toBe('reliable_improvement');
    expect(reliableChange('phq9', 16, 11)).toBe('no_reliable_change');
  });

  it('counts a PHQ-9 rise of exactly 6 as reliable deterioration, and 5 as not', () => {
    expect(reliableChange('phq9', 4, 10)).toBe('reliable_deterioration');
    expect(reliableChange('phq9', 4, 9)).toBe('no_reliable_change');
  });

  it('counts a GAD-7 change of exactly 4 as reliable, and 3 as not', () => {
    expect(reliableChange('gad7', 12, 8)).toBe('reliable_improvement');
    expect(reliableChange('gad7', 12, 9)).toBe('no_reliable_change');
    expect(reliableChange('gad7', 8, 12)).toBe('reliable_deterioration');
    expect(reliableChange('gad7', 8, 11)).toBe('no_reliable_change');
  });

  it('treats no change as no reliable change', () => {
    expect(reliableChange('phq9', 12, 12)).toBe('no_reliable_change');
  });

  it('refuses totals outside the measure range', () => {
    expect(() => reliableChange('phq9', 28, 10)).toThrow(RangeError);
    expect(() => reliableChange('gad7', 10, 22)).toThrow(RangeError);
    expect(() => reliableChange('gad7', 10, 4.5)).toThrow(RangeError);
  });
});

describe('compareDepressionAnxiety', () => {
  it('finds reliable improvement and recovery when a case falls below both thresholds', () => {
    expect(compareDepressionAnxiety({ phq9: 16, gad7: 12 }, { phq9: 8, gad7: 6 })).toEqual({
      basedOn: ['phq9', 'gad7'],
      phq9Change: 'reliable_improvement',
      gad7Change: 'reliable_improvement',
      caseAtBaseline: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      recovery: true,
      reliableRecovery: true,
      notes: [],
    });
  });

  it('counts reliable improvement when one measure improves and the other does not change reliably', () => {
    // PHQ-9 falls 6 (reliable); GAD-7 falls 3 (not reliable, and not a deterioration).
    const result = compareDepressionAnxiety({ phq9: 15, gad7: 10 }, { phq9: 9, gad7: 7 });
    expect(result.reliableImprovement).toBe(true);
    expect(result.reliableDeterioration).toBe(false);
    expect(result.recovery).toBe(true);
  });

  it('does not count a PHQ-9 fall of 5 with a GAD-7 fall of 3 as reliable improvement', () => {
    const result = compareDepressionAnxiety({ phq9: 15, gad7: 10 }, { phq9: 10, gad7: 7 });
    expect(result.reliableImprovement).toBe(false);
    expect(result.phq9Change).toBe('no_reliable_change');
    expect(result.gad7Change).toBe('no_reliable_change');
  });

  it('does not recover when one measure is still at caseness at follow-up', () => {
    // PHQ-9 16 -> 8 (below 10) but GAD-7 14 -> 9 (still >= 8).
    const result = compareDepressionAnxiety({ phq9: 16, gad7: 14 }, { phq9: 8, gad7: 9 });
    expect(result.caseAtBaseline).toBe(true);
    expect(result.reliableImprovement).toBe(true);
    expect(result.recovery).toBe(false);
    expect(result.reliableRecovery).toBe(false);
  });

  it('does not recover when PHQ-9 is still exactly 10 at follow-up', () => {
    expect(compareDepressionAnxiety({ phq9: 20, gad7: 5 }, { phq9: 10, gad7: 3 }).recovery).toBe(false);
  });

  it('counts caseness on either measure at baseline: GAD-7 8 with PHQ-9 below 10', () => {
    const result = compareDepressionAnxiety({ phq9: 6, gad7: 8 }, { phq9: 3, gad7: 4 });
    expect(result.caseAtBaseline).toBe(true);
    expect(result.recovery).toBe(true);
    // GAD-7 fell exactly 4: reliable; PHQ-9 fell 3: not a deterioration.
    expect(result.reliableImprovement).toBe(true);
    expect(result.reliableRecovery).toBe(true);
  });

  it('makes recovery not applicable (null, never false) for someone who was not a case at baseline', () => {
    const result = compareDepressionAnxiety({ phq9: 9, gad7: 7 }, { phq9: 2, gad7: 1 });
    expect(result.caseAtBaseline).toBe(false);
    expect(result.recovery).toBeNull();
    expect(result.reliableImprovement).toBe(true);
    expect(result.reliableRecovery).toBeNull();
    expect(result.notes).toEqual(['Not a case at baseline (PHQ-9 below 10 and GAD-7 below 8), so recovery does not apply.']);
  });

  it('finds reliable deterioration on either measure when neither improves', () => {
    const result = compareDepressionAnxiety({ phq9: 8, gad7: 5 }, { phq9: 9, gad7: 9 });
    expect(result.gad7Change).toBe('reliable_deterioration');
    expect(result.reliableDeterioration).toBe(true);
    expect(result.reliableImprovement).toBe(false);
    // 8 and 5 at baseline: not a case, so recovery does not apply.
    expect(result.recovery).toBeNull();
  });

  it('treats a reliable fall on one measure with a reliable rise on the other as neither', () => {
    const result = compareDepressionAnxiety({ phq9: 18, gad7: 4 }, { phq9: 12, gad7: 8 });
    expect(result.phq9Change).toBe('reliable_improvement');
    expect(result.gad7Change).toBe('reliable_deterioration');
    expect(result.reliableImprovement).toBe(false);
    expect(result.reliableDeterioration).toBe(false);
    expect(result.notes).toContain(
      'One measure reliably improved and the other reliably deteriorated, so overall this is no reliable change.',
    );
  });

  it('uses PHQ-9 alone when GAD-7 is not paired, and says so', () => {
    const result = compareDepressionAnxiety({ phq9: 14, gad7: null }, { phq9: 7, gad7: 12 });
    expect(result.basedOn).toEqual(['phq9']);
    expect(result.gad7Change).toBeNull();
    expect(result.caseAtBaseline).toBe(true);
    expect(result.reliableImprovement).toBe(true);
    expect(result.recovery).toBe(true);
    expect(result.notes).toEqual([
      'Based on PHQ-9 only: GAD-7 was not completed at both baseline and follow-up. NHS Talking Therapies outcomes normally use both.',
    ]);
  });

  it('returns null outcomes when no measure is paired', () => {
    const result = compareDepressionAnxiety({ phq9: 14, gad7: null }, { phq9: null, gad7: 5 });
    expect(result).toMatchObject({
      basedOn: [],
      caseAtBaseline: null,
      reliableImprovement: null,
      reliableDeterioration: null,
      recovery: null,
      reliableRecovery: null,
    });
  });

  it('refuses out-of-range totals, even on an unpaired measure', () => {
    expect(() => compareDepressionAnxiety({ phq9: 30, gad7: 5 }, { phq9: 10, gad7: 5 })).toThrow(RangeError);
    expect(() => compareDepressionAnxiety({ phq9: 10, gad7: 25 }, { phq9: 10, gad7: null })).toThrow(RangeError);
  });
});

describe('trend', () => {
  it('sorts points oldest first and drops unscored ones, without changing the input', () => {
    const series = [
      { date: '2025-03-01', total: 12, id: 'c' },
      { date: '2025-01-15', total: 18, id: 'a' },
      { date: '2025-02-01', total: null, id: 'b' },
      { date: '2025-02-10T09:00:00Z', total: 15, id: 'd' },
    ];
    const copy = structuredClone(series);
    expect(trend(series).map((point) => [point.id, point.total])).toEqual([
      ['a', 18],
      ['d', 15],
      ['c', 12],
    ]);
    expect(series).toEqual(copy);
  });

  it('compares date-times with different zones as instants', () => {
    // 10:00+02:00 is 08:00Z, so it comes before 09:00Z on the same day.
    const points = trend([
      { date: '2025-02-10T09:00:00Z', total: 1 },
      { date: '2025-02-10T10:00:00+02:00', total: 2 },
    ]);
    expect(points.map((point) => point.total)).toEqual([2, 1]);
  });

  it('keeps input order for points at the same time', () => {
    expect(
      trend([
        { date: '2025-01-01', total: 3 },
        { date: '2025-01-01', total: 1 },
      ]).map((point) => point.total),
    ).toEqual([3, 1]);
  });

  it('refuses invalid dates and zoneless date-times', () => {
    expect(() => trend([{ date: '2025-02-30', total: 1 }])).toThrow(RangeError);
    expect(() => trend([{ date: '14/03/2025', total: 1 }])).toThrow(RangeError);
    expect(() => trend([{ date: '2025-02-10T09:00:00', total: 1 }])).toThrow(RangeError);
  });

  it('returns an empty list for an empty series', () => {
    expect(trend([])).toEqual([]);
  });
});
