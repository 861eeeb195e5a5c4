import type { Result } from '../../core/result';

/** The value of a successful call; a failed one throws with its code, message and field messages. */
export function resultValue<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as T;
}
