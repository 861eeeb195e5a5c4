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

/** A record's NHS number as every screen and document shows it: 3-3-4, or "Not recorded" when the person has none on file. */
export function nhsNumberOrNotRecorded(value: string | null): string {
  return value === null ? 'Not recorded' : formatNhsNumber(value);
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

/** How many distinct synthetic numbers `syntheticNhsNumber` can give. */
export const SYNTHETIC_NHS_CAPACITY = 900_000;

/**
 * The n-th synthetic NHS number (n from 0), deterministic and distinct for distinct n. The ninth
 * digit has weight 2, which is invertible modulus 11, so for each eight-digit prefix at most one of
 * its ten values gives the invalid check value 10: taking the j-th of the first nine valid ones
 * maps n one-to-one onto valid numbers.
 */
export function syntheticNhsNumber(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= SYNTHETIC_NHS_CAPACITY) {
    throw new RangeError(`Synthetic NHS numbers run from 0 to ${SYNTHETIC_NHS_CAPACITY - 1}`);
  }
  const prefix = `${SYNTHETIC_NHS_PREFIX}${String(Math.floor(sequence / 9)).padStart(5, '0')}`;
  let wanted = sequence % 9;
  for (let ninth = 0; ninth <= 9; ninth += 1) {
    const body = `${prefix}${ninth}`;
    const check = nhsCheckDigit(body);
    if (check === undefined) continue;
    if (wanted === 0) return `${body}${check}`;
    wanted -= 1;
  }
  throw new Error('unreachable: every prefix has nine valid ninth digits');
}
