import type { SignedInUser } from '../../core/schemas/session';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import type { RoleProblem } from '../../db/role-assignment';
import type { SigningKey } from '../../db/signing-key';
import type { Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import { SessionRoleCheck } from './session-role-check';
import type { SignedRole } from './signed-roles';

/** The warning an administrator sees after unlock: roles not signed as stored, or an audit trail shorter than recorded. */
export function roleWarningFor(problems: readonly RoleProblem[], auditHeadLost?: number): string | undefined {
  const trail =
    auditHeadLost === undefined
      ? ''
      : `Security warning: the audit trail no longer holds entry ${auditHeadLost}, recorded outside the store as its end when the app last closed: entries were cut or rewritten. Run "Check the audit trail is intact" (Settings → Audit trail). `;
  if (problems.length === 0) return trail === '' ? undefined : trail.trim();
  const named = problems.map((problem) =>
    problem.problem === 'differs'
      ? `${problem.username} (the store says ${problem.storedRole.replaceAll('_', ' ')}, the signed role is ${problem.signedRole?.replaceAll('_', ' ') ?? 'none'})`
      : problem.problem === 'rolledBack'
        ? `${problem.username} (an earlier signed role, ${problem.signedRole?.replaceAll('_', ' ') ?? 'none'}, was put back; the partnership server holds a later one)`
        : `${problem.username} (role ${problem.storedRole.replaceAll('_', ' ')} not signed by an administrator)`,
  );
  return `${trail}Security warning: roles changed outside the app, which refuses them: ${named.join('; ')}. Someone holding the data key edited the store or keyring. Check these accounts in Settings → Users (saving a role signs it), then rotate the data key.`;
}

/**
 * What the session keeps from an unlock's signed role: the signing key, the per-call role check,
 * and, for an administrator who found forged or unsigned roles, the warning (also written to the
 * audit trail as a `security_warning`, naming the accounts).
 */
export function signedRoleSession(
  paths: StorePaths,
  unlocked: {
    store: Store;
    user: SignedInUser;
    signingKey: SigningKey;
    signedRole: SignedRole;
    roleProblems: readonly RoleProblem[];
    auditHeadLost: number | undefined;
  },
  at: Date,
): { signingKey: SigningKey; roleCheck: SessionRoleCheck | undefined; roleWarning: string | undefined } {
  const { signedRole, user } = unlocked;
  // Only administrators read the audit trail and fix roles: the warning is theirs.
  const roleWarning = user.role === 'administrator' ? roleWarningFor(unlocked.roleProblems, unlocked.auditHeadLost) : undefined;
  // Forged roles are recorded; a trail found cut is only shown (its evidence is the head kept in the
  // keyring, and an entry written now would take the cut entries' numbers before verify names them).
  if (roleWarning !== undefined && unlocked.roleProblems.length > 0)
    appendAuditEntry(unlocked.store, {
      at: at.toISOString(),
      userId: user.userId,
      username: user.username,
      action: 'security_warning',
      channel: 'session.unlock',
      participantId: null,
      subjectJson: JSON.stringify({
        ...(unlocked.auditHeadLost === undefined ? {} : { auditHeadLost: unlocked.auditHeadLost }),
        rolesNotSigned: unlocked.roleProblems.map((problem) => ({
          username: problem.username,
          stored: problem.storedRole,
          signed: problem.signedRole,
        })),
      }),
      outcome: 'ok',
    });
  return {
    signingKey: unlocked.signingKey,
    roleCheck:
      signedRole.anchor === undefined ? undefined : new SessionRoleCheck(paths.keyring, user.userId, signedRole.role, signedRole.anchor),
    roleWarning,
  };
}
