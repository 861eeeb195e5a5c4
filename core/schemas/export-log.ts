import { z } from 'zod';

/** Every way data leaves the laptop; each export writes one entry in the export log. */
export const EXPORT_KIND_LABELS = {
  plan_pdf: "Person's action plan (PDF)",
  employer_letter_pdf: 'Employer adjustments letter (PDF)',
  ahp_report_pdf: 'AHP Health and Work Report (PDF)',
  minutes_pdf: 'MDT meeting minutes (PDF)',
  letter_pdf: 'Letter to the GP or referrer (PDF)',
  fhir_bundle: 'Partnership system export (FHIR bundle)',
  mi_return: 'Management-information return (CSV)',
} as const;
export type ExportKind = keyof typeof EXPORT_KIND_LABELS;
export const exportKindSchema = z.enum(Object.keys(EXPORT_KIND_LABELS) as [ExportKind, ...ExportKind[]]);

/** Whether the content reached its destination. */
export const EXPORT_OUTCOMES = ['delivered', 'failed', 'cancelled'] as const;
export const exportOutcomeSchema = z.enum(EXPORT_OUTCOMES);
export type ExportOutcome = z.infer<typeof exportOutcomeSchema>;

/** Per person in an export: in it, left out (and why), or not delivered. */
export const EXPORT_SUBJECT_OUTCOMES = ['included', 'skipped', 'failed'] as const;
export const exportSubjectOutcomeSchema = z.enum(EXPORT_SUBJECT_OUTCOMES);
export type ExportSubjectOutcome = z.infer<typeof exportSubjectOutcomeSchema>;

export const exportLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string(),
  kind: exportKindSchema,
  /** Where it went: a file name (never its folder) or the FHIR base URL. */
  destination: z.string(),
  /** SHA-256 (hex) of exactly the bytes that left. */
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  outcome: exportOutcomeSchema,
  /** People included / skipped / failed. */
  included: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** When the export concerned one person: their reference (WW-000123), never their name. */
  participantReference: z.string().nullable(),
});
export type ExportLogEntry = z.infer<typeof exportLogEntrySchema>;

/** The export log, newest first, a page at a time; optionally for one person. */
export const listExportLogInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64).optional(),
  kind: exportKindSchema.optional(),
  /** Keyset paging: entries older than this one's sequence number. */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const exportLogPageSchema = z.object({
  entries: z.array(exportLogEntrySchema.extend({ seq: z.number().int().positive() })),
  nextBeforeSeq: z.number().int().positive().nullable(),
});
export type ExportLogPage = z.infer<typeof exportLogPageSchema>;
