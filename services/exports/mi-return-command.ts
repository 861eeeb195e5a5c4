import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';
import { contract } from '../../core/contract';
import { reportingMonthSchema } from '../../core/schemas/fhir-export';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import { storePaths } from '../../db/store-paths';
import { onlyUsername } from '../session/store-commands';
import { unlockStore } from '../session/unlock-store';
import { FolderDrop } from './folder-drop';
import { buildMiReturn } from './mi-return';

export const MI_RETURN_COMMAND_USAGE =
  'Usage: workwell-mdt mi-return --store DIR --month YYYY-MM --out FILE [--user USERNAME] [--passphrase-file FILE]';

export interface MiReturnCommandOptions {
  readonly dataDir: string;
  readonly month: string | undefined;
  readonly out: string | undefined;
  readonly username?: string | undefined;
  readonly passphrase: string;
  readonly now: () => Date;
}

/**
 * `workwell-mdt mi-return` (a monthly scheduled job): unlocks as a user whose role may run the MI
 * return in the app (the `exports.miReturn` channel's roles), builds the same CSV as the Exports
 * screen for the month, as things stood at its end, writes it to `out` (never over an existing
 * file; under a temporary name until complete), and records it in the export log and the audit
 * trail as the screen does.
 */
export async function miReturnCommand(options: MiReturnCommandOptions): Promise<{ file: string; rows: number; people: number }> {
  const month = reportingMonthSchema.safeParse(options.month ?? '');
  if (options.month === undefined || !month.success)
    throw new Error(`mi-return needs --month YYYY-MM (for example 2026-11).\n${MI_RETURN_COMMAND_USAGE}`);
  if (options.out === undefined) throw new Error(`mi-return needs --out FILE.\n${MI_RETURN_COMMAND_USAGE}`);
  const target = path.resolve(options.out);
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`The folder of ${options.out} does not exist.`);
  if (existsSync(target)) throw new Error(`${options.out} already exists: the MI return never overwrites a file.`);

  const paths = storePaths(options.dataDir);
  const unlocked = await unlockStore(paths, options.username ?? (await onlyUsername(paths.keyring)), options.passphrase);
  unlocked.dataKey.fill(0);
  try {
    const { user, store } = unlocked;
    const access: readonly string[] = contract['exports.miReturn'].access;
    if (!access.includes(user.role))
      throw new AppError('FORBIDDEN', `${user.username} may not run the MI return: it is for ${access.join(' and ')} users.`);
    const built = buildMiReturn(store, user, month.data, options.now());
    const drop = new FolderDrop(folder, path.basename(target));
    try {
      drop.write(built.csv);
    } catch (error) {
      drop.abort();
      throw error;
    }
    drop.commit();
    // The audit trail records it as the app's channel would (ids only).
    appendAuditEntry(store, {
      at: options.now().toISOString(),
      userId: user.userId,
      username: user.username,
      action: 'export',
      channel: 'exports.miReturn',
      participantId: null,
      subjectJson: JSON.stringify({ via: 'cli', month: month.data }),
      outcome: 'ok',
    });
    return { file: target, rows: built.rows, people: built.people };
  } finally {
    await unlocked.store.close();
  }
}
