import { z } from 'zod';

/** What a letter is about: the MDT has agreed the person's plan, or their case has closed. */
export const LETTER_KINDS = ['plan_agreed', 'case_closed'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  plan_agreed: 'Plan agreed',
  case_closed: 'Case closed',
};

/** Who it goes to: the person's GP practice, or whoever referred them. */
export const LETTER_RECIPIENTS = ['gp', 'referrer'] as const;
export type LetterRecipient = (typeof LETTER_RECIPIENTS)[number];
export const LETTER_RECIPIENT_LABELS: Readonly<Record<LetterRecipient, string>> = {
  gp: 'GP practice',
  referrer: 'Referrer',
};

const idSchema = z.string().min(1).max(64);

/** One letter to produce, as a PDF. */
export const letterPdfInputSchema = z.strictObject({
  participantId: idSchema,
  recipient: z.enum(LETTER_RECIPIENTS, { error: 'Choose who the letter is to: the GP or the referrer' }),
  kind: z.enum(LETTER_KINDS, { error: 'Choose what the letter is about: the plan agreed or the case closed' }),
});
export type LetterPdfInput = z.input<typeof letterPdfInputSchema>;

/** A letter produced: who produced it and when, what about, and to whom (the practice or referrer as it was addressed). */
export const letterSentSchema = z.object({
  id: z.string(),
  kind: z.enum(LETTER_KINDS),
  recipient: z.enum(LETTER_RECIPIENTS),
  /** "Example Street Surgery (A81001)" or "Dr Example, Example Street Surgery": as the letter was addressed. */
  addressedTo: z.string(),
  fileName: z.string(),
  sentByName: z.string(),
  sentAt: z.string(),
});
export type LetterSent = z.infer<typeof letterSentSchema>;

export const lettersSentInputSchema = z.strictObject({ participantId: idSchema });
export const lettersSentOutputSchema = z.object({ letters: z.array(letterSentSchema) });
