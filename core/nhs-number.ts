/**
 * NHS number rules: 10 digits, the last a modulus-11 check digit. A remainder giving check 10
 * makes the number invalid.
 */
export function nhsCheckDigit(firstNineDigits: string): number | undefined {
  if (!/^\d{9}$/.test(firstNineDigits)) return undefined;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    sum += Number(firstNineDigits[index]) * (10 - index);
  }
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Strips the spaces people type ("943 476 5919") and validates the check digit. */
export function isValidNhsNumber(value: string): boolean {
  const digits = normaliseNhsNumber(value);
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** Formats as 3-3-4, the way NHS numbers are printed. */
export function formatNhsNumber(value: string): string {
  const digits = normaliseNhsNumber(value);
  return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value;
}

/**
 * NHS numbers starting 999 are reserved for test data and are never issued to people, so
 * synthetic records use only that range.
 */
export const SYNTHETIC_NHS_PREFIX = '999';

export function isSyntheticNhsNumber(value: string): boolean {
  const digits = normaliseNhsNumber(value);
  return digits.startsWith(SYNTHETIC_NHS_PREFIX) && isValidNhsNumber(digits);
}

/**
 * The n-th valid synthetic NHS number (n from 0), deterministic, skipping bodies whose check
 * digit would be 10.
 */
export function syntheticNhsNumber(sequence: number): string {
  let candidate = sequence;
  for (;;) {
    const body = `${SYNTHETIC_NHS_PREFIX}${String(candidate % 1_000_000).padStart(6, '0')}`;
    const check = nhsCheckDigit(body);
    if (check !== undefined) return `${body}${check}`;
    candidate += 1_000_000;
    if (candidate > 100_000_000) throw new Error('No synthetic NHS number available');
  }
}
