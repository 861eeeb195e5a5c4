import { AppError } from '../../core/app-error';
import type { Channel } from '../../core/channels';
import { contract, type ChannelDefinition } from '../../core/contract';
import { fieldErrors } from '../../core/field-errors';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import { storePaths } from '../../db/store-paths';
import { checkAccess } from '../dispatch';
import { signedRoleSession } from '../security/role-session';
import { SessionHolder, type OpenSession } from '../session-holder';
import { onlyUsername } from './store-commands';
import { unlockStore } from './unlock-store';

/** Who runs a CLI command: a named user of the store (its only user when none is named) and their passphrase. */
export interface CliCaller {
  readonly dataDir: string;
  readonly username?: string | undefined;
  readonly passphrase: string;
  readonly now: () => Date;
}

/**
 * The rules a CLI command runs under: the app channel whose work it does (its roles, its input
 * schema, its audit action), or, for a command the app has no screen for (`seed`), its own.
 */
export interface CliRule {
  readonly channel: string;
  readonly definition: Pick<ChannelDefinition, 'access' | 'input' | 'audit'>;
  /**
   * Write the entry when the work starts (outcome `started`) rather than when it ends: for `sync`,
   * whose entry must travel in the very push it describes (the server records how that went).
   */
  readonly recordAtStart?: boolean;
}

/** The rules of the app's own channel `channel`, for the CLI command doing the same work. */
export function appChannelRule(channel: Channel): CliRule {
  return { channel, definition: contract[channel] };
}

/** Refusals recorded besides `denied`: as the app's audit recorder does, not every typing slip. */
const RECORDED_FAILURES = new Set(['FORBIDDEN', 'CONFLICT', 'NOT_FOUND', 'VALIDATION']);

/**
 * Runs one CLI command as its named user through the same checks as the app's dispatch: the
 * store is unlocked with the user's passphrase, then the role check (`checkAccess`, the
 * channel's roles from the contract), the input against the channel's zod schema, and `work`;
 * the outcome goes in the audit trail as the user's, marked `via: cli` (a refusal as `denied`).
 * A rule whose audit action is null records success itself (`restore`, whose store is replaced).
 */
export async function runAsUser<T>(
  caller: CliCaller,
  rule: CliRule,
  input: unknown,
  work: (input: unknown, session: SessionHolder) => Promise<T>,
): Promise<T> {
  const paths = storePaths(caller.dataDir);
  const unlocked = await unlockStore(paths, caller.username ?? (await onlyUsername(paths.keyring)), caller.passphrase);
  const session = new SessionHolder();
  // As the app's unlock: the signing key (audit entries signed as this user) and the signed-role check.
  const open: OpenSession = {
    store: unlocked.store,
    user: unlocked.user,
    partnershipName: unlocked.keyring.partnershipName,
    isDemo: unlocked.keyring.isDemo,
    dataKey: unlocked.dataKey,
    ...signedRoleSession(paths, unlocked, caller.now()),
  };
  session.open(open);
  const record = (action: string, outcome: string) => {
    // The store may have been closed by the work (a restore): then there is nothing to write to.
    if (session.current === null) return;
    appendAuditEntry(open.store, {
      at: caller.now().toISOString(),
      userId: open.user.userId,
      username: open.user.username,
      action,
      channel: rule.channel,
      participantId: null,
      subjectJson: JSON.stringify({ via: 'cli' }),
      outcome,
    });
  };
  try {
    const { definition } = rule;
    try {
      open.roleCheck?.check();
      checkAccess(definition as ChannelDefinition, open.user);
      const parsed = definition.input.safeParse(input);
      if (!parsed.success) throw new AppError('VALIDATION', 'Some answers need correcting.', fieldErrors(parsed.error));
      if (definition.audit.action !== null && rule.recordAtStart === true) record(definition.audit.action, 'started');
      const value = await work(parsed.data, session);
      if (definition.audit.action !== null && rule.recordAtStart !== true) record(definition.audit.action, 'ok');
      return value;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (RECORDED_FAILURES.has(error.code))
        record(error.code === 'FORBIDDEN' ? 'denied' : (definition.audit.action ?? 'configure'), error.code);
      if (error.code !== 'FORBIDDEN' || definition.access === 'public') throw error;
      throw new AppError(
        'FORBIDDEN',
        `${open.user.username} (${open.user.role.replaceAll('_', ' ')}) may not do this: it is for ${definition.access.join(' and ').replaceAll('_', ' ')} users, as in the app.`,
      );
    }
  } finally {
    await session.close();
  }
}
