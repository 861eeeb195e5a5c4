import type { ChannelDefinition } from './channel-definition';
import type { Role } from '../roles';
import {
  ahpReportPdfInputSchema,
  employerLetterPdfInputSchema,
  minutesPdfInputSchema,
  pdfDocumentSchema,
  planPdfInputSchema,
} from '../schemas/documents';

/** Who prints a person's plan and the meeting minutes: the MDT (coordinator, coach and clinicians). */
const MDT_PRINTERS: readonly Role[] = ['coordinator', 'coach', 'physiotherapist', 'mental_health_practitioner', 'occupational_therapist'];

/**
 * Who prints what goes to the employer or stands as clinical advice (the employer letter, the AHP
 * Health and Work Report): the therapists who write them and the coordinator who sends them.
 */
const ADJUSTMENT_PRINTERS: readonly Role[] = ['coordinator', 'occupational_therapist', 'physiotherapist'];

/**
 * The PDF documents, rendered in the services layer. Every one is recorded in the export log and
 * audited; the employer letter is refused (and audited as denied) without consent to share.
 */
export const documentsContract = {
  'documents.planPdf': {
    summary: "The person's action plan as a PDF in plain English (optionally large print); DRAFT until agreed by the MDT",
    input: planPdfInputSchema,
    output: pdfDocumentSchema,
    access: MDT_PRINTERS,
    audit: { action: 'export', person: { input: 'participantId' } },
  },
  'documents.employerLetterPdf': {
    summary:
      'The employer adjustments letter / workplace adjustments passport as a PDF, from the employer view only; refused without consent',
    input: employerLetterPdfInputSchema,
    output: pdfDocumentSchema,
    access: ADJUSTMENT_PRINTERS,
    audit: { action: 'export', person: { input: 'participantId' } },
  },
  'documents.ahpReportPdf': {
    summary: 'An AHP Health and Work Report as a PDF; DRAFT until signed',
    input: ahpReportPdfInputSchema,
    output: pdfDocumentSchema,
    access: ADJUSTMENT_PRINTERS,
    audit: { action: 'export', person: { input: 'participantId' } },
  },
  'documents.minutesPdf': {
    summary: "An MDT meeting's minutes as a PDF (outcomes and actions per case); DRAFT until the meeting has ended",
    input: minutesPdfInputSchema,
    output: pdfDocumentSchema,
    access: MDT_PRINTERS,
    audit: { action: 'export' },
  },
} as const satisfies Record<string, ChannelDefinition>;
