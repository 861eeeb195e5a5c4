import { describe, expect, it } from 'vitest';
import { dateEntryProblem, isRealIsoDate, joinDateParts, splitDateValue } from '../../../core/date-entry';
import { isoDateSchema } from '../../../core/text-schemas';

describe('joinDateParts', () => {
  it('pads a real date typed without leading zeros into YYYY-MM-DD', () => {
    expect(joinDateParts({ day: '6', month: '12', year: '2026' })).toBe('2026-12-06');
    expect(joinDateParts({ day: '06', month: '3', year: '1984' })).toBe('1984-03-06');
    expect(joinDateParts({ day: ' 29 ', month: '2', year: '2028' })).toBe('2028-02-29');
  });

  it('is blank when nothing is typed and keeps the parts as typed when they are not a real date', () => {
    expect(joinDateParts({ day: '', month: '', year: '' })).toBe('');
    expect(joinDateParts({ day: '', month: '2', year: '2026' })).toBe('2026-2-');
    expect(joinDateParts({ day: '31', month: '2', year: '2026' })).toBe('2026-2-31');
    expect(joinDateParts({ day: '6', month: 'Dec', year: '2026' })).toBe('2026-Dec-6');
    expect(joinDateParts({ day: '6-', month: '1-2', year: '2026' })).toBe('2026-12-06');
  });

  it('splits what it joined back into the same fields', () => {
    for (const parts of [
      { day: '6', month: '12', year: '2026' },
      { day: '', month: '2', year: '2026' },
      { day: '31', month: '2', year: '26' },
      { day: '', month: '', year: '' },
    ]) {
      expect(splitDateValue(joinDateParts(parts))).toEqual(parts);
    }
    expect(splitDateValue('2026-12-06')).toEqual({ day: '6', month: '12', year: '2026' });
  });
});

describe('dateEntryProblem and the contract date schema', () => {
  it('accepts real dates only, leap days included', () => {
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2027-02-29')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
    expect(dateEntryProblem('2026-12-06')).toBeUndefined();
  });

  it('names the missing part, a short year, or an unreal date, in the NHS design system words', () => {
    expect(dateEntryProblem('')).toBe('Enter a date');
    expect(dateEntryProblem('2026-2-')).toBe('The date must include a day');
    expect(dateEntryProblem('2026--6')).toBe('The date must include a month');
    expect(dateEntryProblem('-12-6')).toBe('The date must include a year');
    expect(dateEntryProblem('2026--')).toBe('The date must include a day and month');
    expect(dateEntryProblem('26-12-6')).toBe('The year must include 4 numbers');
    expect(dateEntryProblem('2026-2-31')).toBe('Enter a real date');
    expect(dateEntryProblem('2026-Dec-6')).toBe('Enter a real date');
  });

  it('gives the contract the same message, so it reaches the form by its field', () => {
    expect(isoDateSchema.safeParse('2026-12-06').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-2-').error?.issues[0]?.message).toBe('The date must include a day');
    expect(isoDateSchema.safeParse('2026-2-31').error?.issues[0]?.message).toBe('Enter a real date');
  });
});
