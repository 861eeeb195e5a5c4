import { z } from 'zod';
import { DUE_SHORTCUTS } from '../../plans/due-shortcuts';
import { requiredText } from '../../text-schemas';
import { ACTION_KINDS } from '../action-plan';
import { entryIdSchema, entryStateShape, entryVersionSchema, requireVersionOnUpdate } from './config-entry';

/**
 * A common action of one discipline in the partnership's library: offered when drafting a plan, it
 * fills the row's what, kind, discipline and (from its usual time) due date in one choice. Plans
 * copy the text, so entries are deactivated, never deleted.
 */
export const saveLibraryActionInputSchema = z
  .strictObject({
    id: entryIdSchema.optional(),
    version: entryVersionSchema.optional(),
    disciplineCode: z
      .string({ error: 'Choose the discipline' })
      .trim()
      .min(1, 'Choose the discipline')
      .max(64, 'Choose a discipline from the list'),
    kind: z.enum(ACTION_KINDS, { error: 'Choose the kind of action' }),
    description: requiredText('what will be done', 300),
    dueAfter: z.enum(DUE_SHORTCUTS, { error: 'Choose how long it usually takes from the list' }).nullable().default(null),
    active: z.boolean().default(true),
  })
  .superRefine((value, context) => requireVersionOnUpdate(value.id, value.version, context));
export type SaveLibraryActionInput = z.input<typeof saveLibraryActionInputSchema>;

export const libraryActionEntrySchema = z.object({
  id: z.string(),
  disciplineCode: z.string(),
  kind: z.enum(ACTION_KINDS),
  description: z.string(),
  dueAfter: z.enum(DUE_SHORTCUTS).nullable(),
  ...entryStateShape,
});
export type LibraryActionEntry = z.infer<typeof libraryActionEntrySchema>;
