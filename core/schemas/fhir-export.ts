import { z } from 'zod';

/**
 * Where the partnership export goes. A folder (file drop) and/or a FHIR base URL with a bearer
 * token. The token is write-only: reading the settings says whether one is set, never what it is.
 */
export const exportSettingsSchema = z.object({
  folder: z.string().nullable(),
  baseUrl: z.string().nullable(),
  tokenSet: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ExportSettings = z.infer<typeof exportSettingsSchema>;

/** An absolute folder path, as the laptop's own file system writes it (POSIX or Windows). */
const folderSchema = z
  .string()
  .trim()
  .max(500, 'The folder must be 500 characters or fewer')
  .refine(
    (value) => value === '' || value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'),
    'Enter the full path of the folder, for example /srv/exports or C:\\Exports',
  );

/** A FHIR base URL: https, or http only to this machine (a local test or relay). */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(500, 'The address must be 500 characters or fewer')
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
    } catch {
      return false;
    }
  }, 'Enter the FHIR base address starting https:// (http:// only for this computer)');

/** Saves the destinations; a blank field clears it. Leave `token` out to keep the one stored. */
export const saveExportSettingsInputSchema = z.strictObject({
  folder: folderSchema,
  baseUrl: baseUrlSchema,
  token: z.string().trim().max(4000, 'The token must be 4000 characters or fewer').optional(),
});
export type SaveExportSettingsInput = z.input<typeof saveExportSettingsInputSchema>;

/** Counts while the export runs: the progress bar's numbers. */
export const exportProgressSchema = z.object({
  total: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  included: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

export const EXPORT_JOB_STATES = ['running', 'finished', 'cancelled', 'failed'] as const;

/** A person the export left out or could not deliver, for the report. */
export const exportProblemSchema = z.object({
  participantReference: z.string(),
  outcome: z.enum(['skipped', 'failed']),
  reason: z.string(),
});

export const exportJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(EXPORT_JOB_STATES),
  progress: exportProgressSchema,
  /** The first people skipped or failed, with the reason (the export log holds everyone). */
  problems: z.array(exportProblemSchema),
  /** Why the whole export stopped, when it did. */
  message: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const exportJobIdInputSchema = z.strictObject({ jobId: z.string().min(1).max(64) });

/** A reporting month, YYYY-MM. */
export const reportingMonthSchema = z
  .string({ error: 'Enter the reporting month' })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, for example 2026-11');

export const miReturnInputSchema = z.strictObject({ month: reportingMonthSchema });
export const miReturnSchema = z.object({
  fileName: z.string(),
  csv: z.string(),
  /** The participant rows: one per episode on the caseload that month (the declined-referral count rows are not counted). */
  rows: z.number().int().nonnegative(),
  /** The people those rows are about (someone with two episodes that month is two rows, one person). */
  people: z.number().int().nonnegative(),
});
export type MiReturn = z.infer<typeof miReturnSchema>;
