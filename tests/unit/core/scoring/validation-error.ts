import { expect } from 'vitest';
import { AppError } from '../../../../core/app-error';

/** Runs `action`, asserts it threw a VALIDATION AppError, and returns that error's fields. */
export function validationFields(action: () => unknown): Readonly<Record<string, string>> | undefined {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe('VALIDATION');
  return error.fields;
}
