import { z } from 'zod';
import { AppError } from '../app-error';

/**
 * Schema for one item scored as a whole number in [min, max]. No coercion: the string "3", 1.5,
 * NaN and Infinity are refused, because a silently coerced answer gives a wrong clinical score.
 */
export function itemScoreSchema(min: number, max: number, message = `Each answer must be a whole number from ${min} to ${max}`) {
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** Schema for a full set of answers: exactly `count` items, none skipped (holes are refused too). */
export function itemAnswersSchema<Item extends z.ZodType>(item: Item, count: number, measureName: string) {
  const message = `${measureName} needs exactly ${count} ${count === 1 ? 'answer' : 'answers'}`;
  return z.array(item, { error: message }).length(count, message);
}

/**
 * Parses answers or throws a VALIDATION AppError whose `fields` are keyed `answers.<index>` (or
 * `answers` for the list itself). Scorers call this themselves rather than trusting their callers:
 * a score computed from out-of-range answers would be a clinical hazard, not just a bug.
 */
export function parseAnswers<Schema extends z.ZodType>(schema: Schema, answers: unknown, measureName: string): z.output<Schema> {
  const parsed = schema.safeParse(answers);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = ['answers', ...issue.path.map(String)].join('.');
    fields[key] ??= issue.message;
  }
  throw new AppError('VALIDATION', `The ${measureName} answers need correcting.`, fields);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
