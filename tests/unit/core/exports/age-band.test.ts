import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandOn } from '../../../../core/exports/age-band';

describe('the MI return’s age bands', () => {
  it('bands the age on the referral date, the birthday counting from its day', () => {
    const on = '2026-11-02';
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['2011-11-03', 'under_16'],
      ['2010-11-02', '16-24'],
      ['2001-11-03', '16-24'],
      ['2001-11-02', '25-34'],
      ['1991-11-03', '25-34'],
      ['1991-11-02', '35-44'],
      ['1981-11-02', '45-54'],
      ['1971-11-02', '55-64'],
      ['1961-11-03', '55-64'],
      ['1961-11-02', '65+'],
      ['1930-01-01', '65+'],
    ];
    for (const [born, band] of cases) expect(ageBandOn(born, on), born).toBe(band);
  });

  it('reads someone born on 29 February as a year older from 1 March', () => {
    expect(ageBandOn('2004-02-29', '2029-02-28')).toBe('16-24');
    expect(ageBandOn('2004-02-29', '2029-03-01')).toBe('25-34');
  });

  it('lists every band a date can give, in order', () => {
    expect(AGE_BANDS).toEqual(['under_16', '16-24', '25-34', '35-44', '45-54', '55-64', '65+']);
  });
});
