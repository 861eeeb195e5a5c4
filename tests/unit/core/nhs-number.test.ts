import { describe, expect, it } from 'vitest';
import {
  formatNhsNumber,
  isSyntheticNhsNumber,
  isValidNhsNumber,
  nhsCheckDigit,
  nhsNumberOrNotRecorded,
  syntheticNhsNumber,
  SYNTHETIC_NHS_CAPACITY,
} from '../../../core/nhs-number';

describe('NHS number', () => {
  it('accepts a number whose modulus-11 check digit is right', () => {
    // 943 476 5919 is the example used in NHS Digital's documentation.
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length and letters', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347A5919')).toBe(false);
  });

  it('treats a check value of 10 as invalid and 11 as 0', () => {
    // 1000000010: sum = 1*10 + 1*2 = 12, 11 - (12 % 11) = 10 -> no valid number with this body.
    expect(nhsCheckDigit('100000001')).toBeUndefined();
    // 000000000: sum 0, 11 - 0 = 11 -> check digit 0.
    expect(nhsCheckDigit('000000000')).toBe(0);
  });

  it('generates valid, distinct numbers in the reserved 999 test range only', () => {
    const numbers = [
      ...Array.from({ length: 2000 }, (_, index) => syntheticNhsNumber(index)),
      syntheticNhsNumber(SYNTHETIC_NHS_CAPACITY - 1),
    ];
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) {
      expect(number.startsWith('999')).toBe(true);
      expect(isValidNhsNumber(number)).toBe(true);
      expect(isSyntheticNhsNumber(number)).toBe(true);
    }
    expect(isSyntheticNhsNumber('9434765919')).toBe(false);
    expect(() => syntheticNhsNumber(SYNTHETIC_NHS_CAPACITY)).toThrow(RangeError);
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });

  it('shows a record with no NHS number as "Not recorded", and one with a number as 3-3-4', () => {
    expect(nhsNumberOrNotRecorded(null)).toBe('Not recorded');
    expect(nhsNumberOrNotRecorded('9434765919')).toBe('943 476 5919');
  });
});
