import { ALL_ROLES, type Role } from '../roles';
import type { ChannelDefinition } from './channel-definition';
import {
  addUserInputSchema,
  backupMadeSchema,
  backupStatusSchema,
  changePassphraseInputSchema,
  changeUserRoleInputSchema,
  chooseBackupFileInputSchema,
  chosenBackupFileSchema,
  createBackupInputSchema,
  recoverInputSchema,
  recoveryKeyOutputSchema,
  restoreBackupInputSchema,
  restoreOnSetupInputSchema,
  rotateDataKeyInputSchema,
  rotationResultSchema,
  saveIdleLockInputSchema,
  securitySettingsSchema,
  touchOutputSchema,
  userEntrySchema,
  userIdInputSchema,
  userListSchema,
} from '../schemas/security';
import { emptyInputSchema, emptyOutputSchema, signedInUserSchema } from '../schemas/session';

const ADMIN: readonly Role[] = ['administrator'];

/**
 * Users and keyring, lock, recovery, rotation, backup and restore. Spread into `contract` (kept in
 * its own file so other areas can add channels without touching these).
 */
export const securityContract = {
  'users.list': {
    summary: 'Every account, with its role, linked team member and whether it was revoked',
    input: emptyInputSchema,
    output: userListSchema,
    access: ADMIN,
    audit: { action: 'view' },
  },
  'users.add': {
    summary: 'Add an account with a first passphrase: a new key slot for the data key',
    input: addUserInputSchema,
    output: userEntrySchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'users.revoke': {
    summary: 'Revoke an account: its key slot is removed, so it can no longer unlock',
    input: userIdInputSchema,
    output: emptyOutputSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'users.changeRole': {
    summary: 'Give an account another role (not your own; never the last administrator)',
    input: changeUserRoleInputSchema,
    output: userEntrySchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'account.changePassphrase': {
    summary: "Change the signed-in user's passphrase (re-wraps their key slot only)",
    input: changePassphraseInputSchema,
    output: emptyOutputSchema,
    access: ALL_ROLES,
    audit: { action: 'configure' },
  },
  'session.recover': {
    summary: 'Locked: set a new passphrase for an administrator with the recovery key, and unlock',
    input: recoverInputSchema,
    output: signedInUserSchema,
    access: 'public',
    audit: { action: 'sign_in' },
  },
  'session.touch': {
    summary: 'The person is still at the keyboard: postpones the idle lock',
    input: emptyInputSchema,
    output: touchOutputSchema,
    access: ALL_ROLES,
    audit: { action: null },
  },
  'security.get': {
    summary: 'The idle-lock time, whether a recovery key exists, and rotation readiness',
    input: emptyInputSchema,
    output: securitySettingsSchema,
    access: ADMIN,
    audit: { action: 'view' },
  },
  'security.saveIdleLock': {
    summary: 'Set how many minutes without activity lock the app',
    input: saveIdleLockInputSchema,
    output: securitySettingsSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'security.newRecoveryKey': {
    summary: 'Make a new recovery key (shown once); the old one stops working',
    input: emptyInputSchema,
    output: recoveryKeyOutputSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'security.rotateDataKey': {
    summary: 'Back up, then re-encrypt the store under a new data key and re-seal every key slot',
    input: rotateDataKeyInputSchema,
    output: rotationResultSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'backup.status': {
    summary: 'When the last backup was made, and whether one is due',
    input: emptyInputSchema,
    output: backupStatusSchema,
    access: ALL_ROLES,
    audit: { action: null },
  },
  'backup.create': {
    summary: 'Write an encrypted backup (store, keyring and an integrity MAC) to one file',
    input: createBackupInputSchema,
    output: backupMadeSchema,
    access: ADMIN,
    audit: { action: 'export' },
  },
  'backup.chooseFile': {
    summary: 'Electron: a native dialog to choose where to save a backup, or which one to restore',
    input: chooseBackupFileInputSchema,
    output: chosenBackupFileSchema,
    access: ADMIN,
    audit: { action: null },
  },
  'setup.restoreBackup': {
    summary: 'First run on a new computer: restore a checked backup into the empty data folder',
    input: restoreOnSetupInputSchema,
    output: emptyOutputSchema,
    access: 'public',
    audit: { action: 'configure' },
  },
  'backup.restore': {
    summary: 'Replace the store with a checked backup, then lock so it is unlocked afresh',
    input: restoreBackupInputSchema,
    output: emptyOutputSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
} as const satisfies Record<string, ChannelDefinition>;
