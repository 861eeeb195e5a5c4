import { z } from 'zod';
import { MAX_PASSPHRASE_LENGTH } from '../passphrase-policy';
import { isRecoveryKey, normaliseRecoveryKey } from '../recovery-key';
import { ROLES, roleSchema } from '../roles';
import { requiredText, usernameSchema } from '../text-schemas';
import { newPassphraseSchema } from './session';

/** A passphrase someone types to prove who they are (not checked for strength: it already exists). */
const currentPassphraseSchema = z
  .string({ error: 'Enter your current passphrase' })
  .min(1, 'Enter your current passphrase')
  .max(MAX_PASSPHRASE_LENGTH, 'Passphrase is too long');

/** One account as administrators see it on `#/settings/users`. */
export const userEntrySchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The team member this account is linked to, by name. */
  teamMemberName: z.string().nullable(),
});
export type UserEntry = z.infer<typeof userEntrySchema>;

export const userListSchema = z.object({ users: z.array(userEntrySchema) });

export const addUserInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: requiredText('their full name', 120),
  role: z.enum(ROLES, { error: 'Choose a role' }),
  /** The first passphrase, which the administrator hands over; the user changes it. */
  passphrase: newPassphraseSchema,
  /** Optionally the team member (settings, team) this account belongs to. */
  teamMemberId: z.string().max(64).nullable().optional(),
});
export type AddUserInput = z.input<typeof addUserInputSchema>;

export const userIdInputSchema = z.strictObject({ userId: z.string().min(1).max(64) });

/** An administrator gives a user another role. */
export const changeUserRoleInputSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLES, { error: 'Choose a role' }),
});

export const changePassphraseInputSchema = z
  .strictObject({
    currentPassphrase: currentPassphraseSchema,
    newPassphrase: newPassphraseSchema,
  })
  .refine((input) => input.currentPassphrase !== input.newPassphrase, {
    path: ['newPassphrase'],
    message: 'Choose a passphrase different from your current one',
  });
export type ChangePassphraseInput = z.input<typeof changePassphraseInputSchema>;

export const recoveryKeySchema = z
  .string({ error: 'Enter the recovery key' })
  .max(100, 'That is not a recovery key')
  .transform(normaliseRecoveryKey)
  .refine(isRecoveryKey, 'Enter the recovery key as it was shown: 32 letters and digits in groups of four');

export const recoverInputSchema = z.strictObject({
  recoveryKey: recoveryKeySchema,
  username: usernameSchema,
  newPassphrase: newPassphraseSchema,
});
export type RecoverInput = z.input<typeof recoverInputSchema>;

export const recoveryKeyOutputSchema = z.object({ recoveryKey: z.string() });

export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 60;

export const saveIdleLockInputSchema = z.strictObject({
  minutes: z
    .number({ error: 'Enter a number of minutes' })
    .int('Enter a whole number of minutes')
    .min(MIN_IDLE_LOCK_MINUTES, `Enter at least ${MIN_IDLE_LOCK_MINUTES} minute`)
    .max(MAX_IDLE_LOCK_MINUTES, `Enter ${MAX_IDLE_LOCK_MINUTES} minutes or fewer`),
});

export const securitySettingsSchema = z.object({
  idleLockSeconds: z.number().int(),
  /** True when `WORKWELL_IDLE_LOCK_SECONDS` overrides the setting (tests, kiosks). */
  idleLockFromEnvironment: z.boolean(),
  hasRecoveryKey: z.boolean(),
  /** Users whose key slot predates rotation support; they must unlock once before a rotation. */
  usersToSignInBeforeRotation: z.array(z.string()),
  lastRotatedAt: z.string().nullable(),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

/** Rotation re-encrypts everything: the caller must say so explicitly, never by an empty call. */
export const rotateDataKeyInputSchema = z.strictObject({ confirm: z.literal(true, { error: 'Confirm the rotation' }) });

export const rotationResultSchema = z.object({ backupFile: z.string(), rotatedAt: z.string() });

export const touchOutputSchema = z.object({ idleLockSeconds: z.number().int() });

/** A path the user typed or chose in a save dialog; the services layer resolves and checks it. */
const backupPathSchema = requiredText('where to save the backup', 1000);

export const createBackupInputSchema = z.strictObject({ path: backupPathSchema });
export const backupMadeSchema = z.object({ file: z.string(), bytes: z.number().int(), madeAt: z.string() });

export const restoreBackupInputSchema = z.strictObject({
  path: requiredText('the backup file', 1000),
  passphrase: currentPassphraseSchema,
  /** The backup's partnership name, typed: required only when the backup is of another partnership. */
  confirmPartnership: z.string().max(200).optional(),
});

export const backupStatusSchema = z.object({
  lastBackupAt: z.string().nullable(),
  /** True when no backup was made in the last 7 days. */
  due: z.boolean(),
  /** True when the newest backup a person made predates the last data-key rotation (it opens with the replaced key). */
  madeBeforeRotation: z.boolean(),
  /**
   * True while a completed data-key rotation waits for its backup under the new key (it failed,
   * say on a full disk): the copies under the replaced key are still in the data folder.
   */
  oldKeyCopiesPending: z.boolean(),
  /** True in Electron, where a native dialog chooses the file; the host has a path field only. */
  canChooseFile: z.boolean(),
});

export const chooseBackupFileInputSchema = z.strictObject({ purpose: z.enum(['save', 'open']) });
export const chosenBackupFileSchema = z.object({ path: z.string().nullable() });
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** First run on a new computer: restore a backup instead of setting up. */
export const restoreOnSetupInputSchema = z.strictObject({
  path: requiredText('the backup file', 1000),
  username: usernameSchema,
  passphrase: currentPassphraseSchema,
});
export type RestoreOnSetupInput = z.input<typeof restoreOnSetupInputSchema>;
