import type { ChannelDefinition } from './channel-definition';
import { MDT_ROLES } from './channel-roles';
import { pdfDocumentSchema } from '../schemas/documents';
import { letterPdfInputSchema, lettersSentInputSchema, lettersSentOutputSchema } from '../schemas/letters';

/**
 * Letters to the person's GP and to whoever referred them (issue 20 item 8). Produced by the MDT
 * (coordinator, coach and clinicians) who agree plans and close cases; not by administrators, who
 * read no clinical record. Each is refused (FORBIDDEN, audited as denied) unless the person's
 * consent to send letters to that recipient is in force, and each one produced is logged.
 */
export const lettersContract = {
  'documents.letterPdf': {
    summary: 'A letter to the GP or the referrer (plan agreed, or case closed) as a PDF; refused without consent; logged',
    input: letterPdfInputSchema,
    output: pdfDocumentSchema,
    access: MDT_ROLES,
    audit: { action: 'export', person: { input: 'participantId' } },
  },
  'documents.lettersSent': {
    summary: 'The letters produced for a person, newest first: kind, recipient, who and when',
    input: lettersSentInputSchema,
    output: lettersSentOutputSchema,
    access: MDT_ROLES,
    audit: { action: 'view', person: { input: 'participantId' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
