import type { z } from 'zod';
import { HttpError } from './http-error';

/** Parses a request body with a protocol schema; a 400 naming no values (they may be clinical) otherwise. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))].slice(0, 5);
    throw new HttpError(
      400,
      'VALIDATION',
      `The request was not in the sync format (${paths.join(', ')}). Update the app if this keeps happening.`,
    );
  }
  return parsed.data;
}
