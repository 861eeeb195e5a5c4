import type { ChannelAudit } from '../core/audit';
import type { Channel } from '../core/channels';
import { queuedInput } from '../core/sync/queued-input';
import { contract } from '../core/contract';
import type { SignedInUser } from '../core/schemas/session';
import { appendAuditEntries, appendAuditEntry, type NewAuditEntry } from '../db/repositories/audit-repository';
import type { Store } from '../db/store';
import { discardCapturedChanges, queueCapturedChanges } from '../db/sync/outbox';
import { auditedParticipantId, idFields } from './audit/audit-subject';
import { PendingAuditEntry } from './call-audit-scope';
import type { OpenSession, SessionHolder } from './session-holder';

/** One finished call as dispatch saw it. */
export interface AuditedCall {
  readonly channel: Channel;
  /** Who was signed in when the call started (null for sign-in itself). */
  readonly caller: SignedInUser | null;
  readonly input: unknown;
  /** The input as the caller sent it (before zod's defaults and transforms): what the outbox keeps. */
  readonly rawInput?: unknown;
  readonly output?: unknown;
  /** `ok`, or the error code the caller received. */
  readonly outcome: string;
}

export interface AuditRecorder {
  /** Runs before the handler: lock is recorded while the store is still open. */
  before(channel: Channel, caller: SignedInUser | null): Promise<void>;
  /**
   * The call's entry for success, to be written inside the call's own transaction if it opens one
   * (see call-audit-scope.ts); null when a successful call is not recorded or is recorded specially.
   */
  pending(channel: Channel, caller: SignedInUser | null, input: unknown, rawInput?: unknown): PendingAuditEntry | null;
  after(call: AuditedCall): Promise<void>;
}

/** Failed sign-ins happen while the store is locked; they wait here until the next unlock writes them. */
interface PendingFailure {
  readonly at: string;
  readonly username: string | null;
  /** WRONG_PASSPHRASE, or TOO_MANY_ATTEMPTS when the back-off refused the attempt. */
  readonly outcome: string;
}

/** How the contract says a channel is audited. */
const auditOf = (channel: Channel): ChannelAudit => contract[channel].audit;

const RECORDED_FAILURES = new Set(['FORBIDDEN', 'CONFLICT', 'NOT_FOUND']);

/**
 * Someone failing to prove who they are on another user's session (a clinician's passphrase in
 * meeting mode) is recorded as denied, like a refusal: the chair's session is where it was tried.
 */
const FAILED_PROOFS = new Set(['WRONG_PASSPHRASE', 'TOO_MANY_ATTEMPTS']);
const PROVES_ANOTHER_USER: ReadonlySet<Channel> = new Set<Channel>(['riskFlags.acknowledgeInMeeting']);

/**
 * Writes the audit trail for every call dispatch handles, into the open store, chained by hash.
 * Views, searches, edits, signatures, exports, sign-ins and locks are recorded with ids only.
 */
export function createAuditRecorder(session: SessionHolder, now: () => Date): AuditRecorder {
  const pendingFailures: PendingFailure[] = [];

  const write = (store: Store, entry: NewAuditEntry) => appendAuditEntry(store, entry);

  /** The entry for an ordinary call (not sign-in or lock): ids only, never free text. */
  const entryFor = (
    store: Pick<Store, 'sqlite'>,
    { channel, input, output, outcome }: AuditedCall,
    action: string,
    user: SignedInUser,
  ): NewAuditEntry => {
    const inputIds = idFields(input);
    const outputIds = idFields(output);
    return {
      at: now().toISOString(),
      userId: user.userId,
      username: user.username,
      action: outcome === 'FORBIDDEN' || FAILED_PROOFS.has(outcome) ? 'denied' : action,
      channel,
      participantId: auditedParticipantId(store, auditOf(channel).person, inputIds, outputIds),
      subjectJson: JSON.stringify({ ...inputIds, ...(Object.keys(outputIds).length > 0 ? { created: outputIds } : {}) }),
      outcome,
    };
  };

  /**
   * The failed sign-ins waiting since the last unlock and this sign-in, in one transaction: the
   * waiting ones are forgotten only once they are written.
   */
  const writeSignIn = (open: OpenSession, at: string, action: string, channel: Channel, outcome: string) => {
    appendAuditEntries(open.store, [
      ...pendingFailures.map((failure) => ({
        at: failure.at,
        userId: null,
        username: failure.username,
        action: 'sign_in_failed',
        channel,
        participantId: null,
        subjectJson: '{}',
        outcome: failure.outcome,
      })),
      { at, userId: open.user.userId, username: open.user.username, action, channel, participantId: null, subjectJson: '{}', outcome },
    ]);
    pendingFailures.splice(0);
  };

  return {
    async before(channel, caller) {
      // Rows changed outside a contract call's write (a raw edit behind the app) are never sent.
      if (session.current !== null) discardCapturedChanges(session.current.store);
      if (channel !== 'session.lock' || caller === null || session.current === null) return;
      try {
        write(session.current.store, {
          at: now().toISOString(),
          userId: caller.userId,
          username: caller.username,
          action: 'lock',
          channel,
          participantId: null,
          subjectJson: '{}',
          outcome: 'ok',
        });
      } catch {
        // A full disk or a busy store cannot take the entry; the store must close all the same:
        // a sign-out that leaves the record open on a clinic laptop is the worse failure.
      }
    },

    pending(channel, caller, input, rawInput) {
      const action = auditOf(channel).action;
      if (action === null || channel === 'session.lock' || channel === 'session.unlock' || channel === 'session.recover') return null;
      return new PendingAuditEntry(
        (store, output, actor) => {
          const user = caller ?? session.current?.user;
          if (user === undefined) return null;
          return entryFor(
            store,
            { channel, caller, input, output, outcome: 'ok' },
            action,
            actor === undefined ? user : { ...user, ...actor },
          );
        },
        {
          channel,
          input: queuedInput(channel, rawInput ?? input),
          userId: () => (caller ?? session.current?.user)?.userId ?? null,
          madeAt: () => now().toISOString(),
        },
      );
    },

    async after(call) {
      const { channel, caller, input, outcome } = call;
      // A refusal is always accountable, even on a channel whose successful calls are not audited
      // (status polls, file pickers): someone tried something their role does not allow.
      const action = auditOf(channel).action ?? (outcome === 'FORBIDDEN' ? 'denied' : null);
      if (action === null || channel === 'session.lock') return;
      const at = now().toISOString();
      if (channel === 'session.unlock' || channel === 'session.recover') {
        const username =
          typeof (input as { username?: unknown })?.username === 'string'
            ? String((input as { username: string }).username).slice(0, 64)
            : null;
        if (outcome === 'WRONG_PASSPHRASE' || outcome === 'TOO_MANY_ATTEMPTS') pendingFailures.push({ at, username, outcome });
        if (outcome !== 'ok') return;
        const open = session.current;
        if (open === null) return;
        try {
          writeSignIn(open, at, action, channel, outcome);
        } catch (error) {
          // No sign-in without its record: a busy or full store undoes the unlock, so the user is
          // told the truth (STORE_BUSY, DISK_FULL) and the app is still locked, not half signed in.
          await session.close();
          throw error;
        }
        return;
      }
      const open = session.current;
      if (open === null) return;
      if (outcome !== 'ok' && !RECORDED_FAILURES.has(outcome) && !(PROVES_ANOTHER_USER.has(channel) && FAILED_PROOFS.has(outcome))) return;
      write(open.store, entryFor(open.store, call, action, caller ?? open.user));
      // A write made without a transaction (one statement) was captured as it committed: queue it now.
      if (outcome === 'ok')
        queueCapturedChanges(open.store, {
          channel,
          input: queuedInput(channel, call.rawInput ?? input),
          userId: (caller ?? open.user).userId,
          madeAt: at,
        });
    },
  };
}
