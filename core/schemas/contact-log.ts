import { z } from 'zod';
import { todayInLondon } from '../clock';
import { isoDateSchema, requiredText } from '../text-schemas';

/** How the team was in touch with the person (the service's contact modes, and written contact). */
export const CONTACT_KINDS = ['phone', 'video', 'face_to_face', 'community_venue', 'letter', 'email', 'text_message'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Readonly<Record<ContactKind, string>> = {
  phone: 'Phone',
  video: 'Video',
  face_to_face: 'Face to face',
  community_venue: 'Community venue (for example a café)',
  letter: 'Letter',
  email: 'Email',
  text_message: 'Text message',
};

/** One contact to add to the log: when, how, what came of it, and whether the person did not attend. */
export const addContactInputSchema = z.strictObject({
  participantId: z.string().min(1).max(64),
  contactOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The date of the contact must be today or in the past'),
  kind: z.enum(CONTACT_KINDS, { error: 'Choose the kind of contact' }),
  didNotAttend: z.boolean().default(false),
  outcome: requiredText('the outcome of the contact', 2000),
});
export type AddContactInput = z.input<typeof addContactInputSchema>;

/** One entry of the contact log, as the record lists it (newest first). */
export const contactEntrySchema = z.object({
  id: z.string(),
  contactOn: z.string(),
  kind: z.enum(CONTACT_KINDS),
  didNotAttend: z.boolean(),
  outcome: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type ContactEntry = z.infer<typeof contactEntrySchema>;
