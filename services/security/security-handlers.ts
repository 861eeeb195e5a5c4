import path from 'node:path';
import { AppError } from '../../core/app-error';
import type { SecuritySettings } from '../../core/schemas/security';
import { readKeyring } from '../../db/keyring';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import { readSecuritySetting, writeSecuritySetting } from '../../db/repositories/security-repository';
import type { StorePaths } from '../../db/store-paths';
import type { Handlers } from '../handlers';
import { signedInCaller } from '../handlers';
import type { SerialQueue } from '../serial-queue';
import type { SessionHolder } from '../session-holder';
import { backupStatus, createBackup, defaultBackupName, restoreBackup } from './backup-service';
import type { IdleLock } from './idle-lock';
import { rotateDataKey, usersToSignInBeforeRotation } from './key-rotation';
import { changeOwnPassphrase } from './passphrase-change';
import { recoverAdministrator, replaceRecoveryKey } from './recovery';
import type { UnlockBackoff } from './unlock-backoff';
import { addUser, changeUserRole, listUsers, revokeUser } from './user-admin';

export interface SecurityDependencies {
  readonly paths: StorePaths;
  readonly session: SessionHolder;
  readonly queue: SerialQueue;
  readonly now: () => Date;
  readonly backoff: UnlockBackoff;
  readonly idle: IdleLock;
  /** Electron's native file dialog for backups; absent in the host and tests. */
  readonly chooseBackupFile?: ((purpose: 'save' | 'open', suggestedName: string) => Promise<string | null>) | undefined;
}

type SecurityHandlers = Pick<
  Handlers,
  | 'users.list'
  | 'users.add'
  | 'users.revoke'
  | 'users.changeRole'
  | 'account.changePassphrase'
  | 'session.recover'
  | 'session.touch'
  | 'security.get'
  | 'security.saveIdleLock'
  | 'security.newRecoveryKey'
  | 'security.rotateDataKey'
  | 'backup.status'
  | 'backup.create'
  | 'backup.restore'
  | 'backup.chooseFile'
  | 'setup.restoreBackup'
>;

/**
 * Users and keyring, recovery, lock settings, rotation, backup and restore. Anything that changes
 * the keyring or the store's key runs in the session queue, so it never overlaps a lock or unlock.
 */
export function securityHandlers(deps: SecurityDependencies): SecurityHandlers {
  const { paths, session, queue, now, backoff, idle, chooseBackupFile } = deps;
  /** Runs in the queue with the session still open when the task starts. */
  const withOpenSession = <T>(task: (open: ReturnType<SessionHolder['require']>) => Promise<T>) => queue.run(() => task(session.require()));

  const settings = async (): Promise<SecuritySettings> => {
    const open = session.require();
    const keyring = await readKeyring(paths.keyring);
    return {
      idleLockSeconds: idle.seconds(),
      idleLockFromEnvironment: idle.fromEnvironment(),
      hasRecoveryKey: keyring?.recovery !== undefined,
      usersToSignInBeforeRotation: keyring === undefined ? [] : usersToSignInBeforeRotation(keyring),
      lastRotatedAt: readSecuritySetting(open.store, 'last_rotated_at') ?? null,
    };
  };

  return {
    'users.list': async () => ({ users: await listUsers(session.require().store) }),
    'users.add': async (input) => withOpenSession((open) => addUser(paths, open, input, now())),
    'users.revoke': async (input) =>
      withOpenSession(async (open) => {
        await revokeUser(paths, open, input.userId, now());
        return {};
      }),

    'users.changeRole': async (input) => withOpenSession((open) => changeUserRole(paths, open, input)),

    'account.changePassphrase': async (input) =>
      withOpenSession(async (open) => {
        await backoff.guard(now, () => changeOwnPassphrase(paths, open, input));
        return {};
      }),

    'session.recover': async (input) =>
      queue.run(async () => {
        if (session.current !== null)
          throw new AppError('CONFLICT', `${session.current.user.displayName} is signed in. Lock the app first.`);
        const recovered = await backoff.guard(now, () => recoverAdministrator(paths, input));
        session.open({
          store: recovered.store,
          user: recovered.user,
          partnershipName: recovered.keyring.partnershipName,
          isDemo: recovered.keyring.isDemo,
          dataKey: recovered.dataKey,
          signingKey: recovered.signingKey,
          roleCheck: recovered.roleCheck,
        });
        idle.touch();
        return recovered.user;
      }),

    'session.touch': async () => ({ idleLockSeconds: idle.seconds() }),

    'security.get': settings,
    'security.saveIdleLock': async (input, context) =>
      withOpenSession(async (open) => {
        const at = now().toISOString();
        await writeSecuritySetting(open.store.db, 'idle_lock_seconds', String(input.minutes * 60), signedInCaller(context).userId, at);
        idle.settingChanged();
        return settings();
      }),
    'security.newRecoveryKey': async () =>
      withOpenSession(async (open) => ({ recoveryKey: await replaceRecoveryKey(paths, open.dataKey) })),
    'security.rotateDataKey': async () => withOpenSession(() => rotateDataKey(paths, session, now())),

    'backup.status': async () => ({
      ...(await backupStatus(paths, session.require(), now())),
      canChooseFile: chooseBackupFile !== undefined,
    }),
    'backup.chooseFile': async (input) => {
      session.require();
      if (chooseBackupFile === undefined) throw new AppError('NOT_FOUND', 'Type the path: this window cannot open a file dialog.');
      return { path: await chooseBackupFile(input.purpose, defaultBackupName(now())) };
    },
    'backup.create': async (input) => withOpenSession((open) => createBackup(paths, open, input.path, now())),
    'setup.restoreBackup': async (input) =>
      queue.run(async () => {
        // A store without a keyring is an interrupted restore: restoring again finishes it (the
        // files there are moved aside, never deleted).
        if (session.current !== null || (await readKeyring(paths.keyring)) !== undefined) {
          throw new AppError('ALREADY_SET_UP', 'A partnership is already set up here. Restore from Settings, Backup and restore, instead.');
        }
        await backoff.guard(now, () => restoreBackup(paths, path.resolve(input.path), input.username, input.passphrase, now()));
        return {};
      }),
    'backup.restore': async (input) =>
      withOpenSession(async (open) => {
        // Checked completely first; then locked (the store must be closed while its files are
        // replaced) and the person unlocks the restored store afresh.
        await backoff.guard(now, () =>
          restoreBackup(
            paths,
            path.resolve(input.path),
            open.user.username,
            input.passphrase,
            now(),
            async () => {
              appendAuditEntry(open.store, {
                at: now().toISOString(),
                userId: open.user.userId,
                username: open.user.username,
                action: 'configure',
                channel: 'backup.restore',
                participantId: null,
                subjectJson: JSON.stringify({ file: path.basename(input.path) }),
                outcome: 'ok',
              });
              await session.close();
            },
            undefined,
            input.confirmPartnership,
          ),
        );
        return {};
      }),
  };
}
