import { z } from 'zod';
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../assessment';
import { entryStateShape, entryVersionSchema, requireVersionOnUpdate } from './config-entry';

/**
 * Disciplines of the team: the four built in (their codes are used by the clinical forms, exports
 * and management information) and any local additions, whose codes are `local-<slug>`, made once
 * from the first name and never changed, so a rename never breaks a link.
 */
export const LOCAL_DISCIPLINE_PREFIX = 'local-';

export function isBuiltinDiscipline(code: string): code is Discipline {
  return (DISCIPLINES as readonly string[]).includes(code);
}

export const disciplineCodeSchema = z
  .string()
  .trim()
  .max(64)
  .refine((code) => isBuiltinDiscipline(code) || /^local-[a-z0-9]+(-[a-z0-9]+)*$/.test(code), 'Choose a discipline from the list');

/**
 * The stable code for a new local discipline: `local-` and a slug of its name ("Welfare rights"
 * -> `local-welfare-rights`); `taken` lists codes in use, and a number is added to stay unique.
 */
export function localDisciplineCode(label: string, taken: ReadonlySet<string>): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'discipline';
  const base = `${LOCAL_DISCIPLINE_PREFIX}${slug}`;
  let code = base;
  for (let n = 2; taken.has(code); n += 1) code = `${base}-${n}`;
  return code;
}

/**
 * Create a local discipline (no `code`) or change one. Built-in disciplines can be deactivated
 * and reactivated, but keep their national names: the clinical forms, exports and management
 * information name them the same way in every partnership. A team that calls a discipline
 * something else locally adds a local discipline instead.
 */
export const saveDisciplineInputSchema = z
  .strictObject({
    code: disciplineCodeSchema.optional(),
    version: entryVersionSchema.optional(),
    label: z.string().trim().max(80, 'The name must be 80 characters or fewer').optional(),
    active: z.boolean().default(true),
  })
  .superRefine((value, context) => {
    requireVersionOnUpdate(value.code, value.version, context);
    const builtin = value.code !== undefined && isBuiltinDiscipline(value.code);
    if (!builtin && (value.label === undefined || value.label === '')) {
      context.addIssue({ code: 'custom', path: ['label'], message: 'Enter the name of the discipline' });
    }
    if (builtin && value.label !== undefined && value.label !== DISCIPLINE_LABELS[value.code as Discipline]) {
      context.addIssue({
        code: 'custom',
        path: ['label'],
        message: 'A built-in discipline keeps its national name. Add a local discipline instead.',
      });
    }
  });
export type SaveDisciplineInput = z.input<typeof saveDisciplineInputSchema>;

export const disciplineEntrySchema = z.object({
  code: z.string(),
  label: z.string(),
  builtin: z.boolean(),
  ...entryStateShape,
});
export type DisciplineEntry = z.infer<typeof disciplineEntrySchema>;
