import { z } from 'zod';
import { PILOT_ICB_CODES } from '../icb-areas';
import { MAX_PASSPHRASE_LENGTH, assessPassphrase } from '../passphrase-policy';
import { roleSchema } from '../roles';
import { requiredText, usernameSchema } from '../text-schemas';

export const signedInUserSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/** The app's clock (ISO instant): the renderer takes "today" from it, never from its own machine's. */
const appNow = z.iso.datetime();

/** What the app shows first: set up a partnership, unlock it, or carry on. */
export const appStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('needs-setup'), now: appNow }),
  /** No keyring, but a store, `replaced-*`, an incoming store or a restore journal: finish the restore, never set up anew. */
  z.object({ state: z.literal('restore-interrupted'), now: appNow, found: z.array(z.string()) }),
  z.object({
    state: z.literal('locked'),
    now: appNow,
    partnershipName: z.string(),
    isDemo: z.boolean(),
    /** Who the idle lock (or the OS lock screen) signed out, pre-selected so they carry on where they were. */
    resumeUsername: z.string().optional(),
    usernames: z.array(z.string()),
  }),
  z.object({
    state: z.literal('unlocked'),
    now: appNow,
    partnershipName: z.string(),
    isDemo: z.boolean(),
    user: signedInUserSchema,
    /** Seconds until the idle lock, for the warning a minute before it. */
    idleLockInSeconds: z.number().int().min(0).optional(),
    /** Set once the check after unlock finds the store damaged: what to restore; writes are refused. */
    storeDamage: z.string().optional(),
    /** An administrator's unlock found roles changed outside the app (forged or unsigned): shown as a banner. */
    securityWarning: z.string().optional(),
  }),
]);
export type AppStatus = z.infer<typeof appStatusSchema>;

/** A passphrase that is checked for strength, not only for presence. */
export const newPassphraseSchema = z
  .string({ error: 'Enter a passphrase' })
  .max(MAX_PASSPHRASE_LENGTH, `Passphrase must be ${MAX_PASSPHRASE_LENGTH} characters or fewer`)
  .superRefine((value, context) => {
    const feedback = assessPassphrase(value);
    if (!feedback.acceptable) context.addIssue({ code: 'custom', message: feedback.message });
  });

export const partnershipChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pilot'),
    icbCode: z.enum(PILOT_ICB_CODES, { error: 'Choose your integrated care board area' }),
  }),
  z.strictObject({ kind: z.literal('custom'), name: requiredText('the partnership name', 120) }),
]);

export const createPartnershipInputSchema = z.strictObject({
  partnership: partnershipChoiceSchema,
  admin: z.strictObject({
    username: usernameSchema,
    displayName: requiredText('your full name', 120),
    passphrase: newPassphraseSchema,
  }),
});
export type CreatePartnershipInput = z.input<typeof createPartnershipInputSchema>;

export const unlockInputSchema = z.strictObject({
  username: usernameSchema,
  passphrase: z
    .string({ error: 'Enter your passphrase' })
    .min(1, 'Enter your passphrase')
    .max(MAX_PASSPHRASE_LENGTH, 'Passphrase is too long'),
});
export type UnlockInput = z.input<typeof unlockInputSchema>;

export const emptyInputSchema = z.strictObject({});
export const emptyOutputSchema = z.object({});
