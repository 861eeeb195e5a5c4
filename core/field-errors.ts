import type { z } from 'zod';

/** Field-level messages keyed by the dotted path of each zod issue (first message wins), for an AppError's `fields`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? '_' : issue.path.map(String).join('.');
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Field-level messages for `input` against `schema` (as `fieldErrors`), or none when it is valid: for a form that checks before calling. */
export function inputProblems(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}
