import { z } from 'zod';

/**
 * What every configuration entry carries for optimistic concurrency: its `version` goes up by one
 * on each save, and an update must name the version it edits, so two administrators saving the
 * same entry get a conflict rather than a silent overwrite.
 */
export const entryVersionSchema = z
  .number({ error: 'The version being edited is missing: reload and try again' })
  .int()
  .positive()
  .max(1_000_000_000);

/** The id of an existing entry (team members and directory services use generated UUIDs). */
export const entryIdSchema = z.string().trim().min(1).max(64);

/** An update (an existing entry is named) must say which version it edits. Use inside `superRefine`. */
export function requireVersionOnUpdate(existing: string | undefined, version: number | undefined, context: z.RefinementCtx): void {
  if (existing !== undefined && version === undefined) {
    context.addIssue({ code: 'custom', path: ['version'], message: 'The version being edited is missing: reload and try again' });
  }
}

/** The fields every entry returns: whether it is in use, its version and when it last changed. */
export const entryStateShape = {
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
};
