import { sql, type Kysely } from 'kysely';
import { isChannel } from '../core/channels';
import { fixedClock, setClockSource, systemClock } from '../core/clock';
import { contract, type ChannelDefinition } from '../core/contract';
import { syncedTable } from '../core/sync/synced-tables';
import {
  mutationSchema,
  refusalCodeSchema,
  SYNC_FORMAT_VERSION,
  type Mutation,
  type MutationResult,
  type RowChange,
} from '../core/sync/sync-protocol';
import { authenticate, type Caller } from './auth-session';
import { HttpError } from './http-error';
import { inRequestScope, inWholePartnershipScope } from './request-scope';
import type { Route } from './route';
import type { ServerDatabase } from './server-schema';
import { CHANGES_CHANNEL } from './change-waiters';
import { advanceProgress, alreadyDealtWith, notePushFrom, progressOf } from './device-user-progress';
import { rememberedRefusal, rememberRefusal } from './refused-mutations';
import { assertRiskAcknowledgersQualified, RuleRefusal } from './risk-qualification-check';
import { ApplyConflict, applyChanges, currentRow, lockChangeLog } from './sync-apply';
import { parseBody } from './sync-body';
import { holdsNul, pushEnvelopeSchema, readableMutationId, UNREADABLE, UNSTORABLE } from './sync-push-input';
import { postgresErrorCode } from './server-database';

type Refusal = Extract<MutationResult, { outcome: 'refused' }>;
type RefusalReason = Omit<Refusal, 'mutationId' | 'outcome' | 'serverRows'>;

/**
 * The channel's own input schema, checked as of when the laptop made the change (the schemas'
 * "not in the future" rules read the current clock) but never later than now on the server.
 */
function inputParses(definition: ChannelDefinition, mutation: Mutation): boolean {
  const made = Math.min(Date.parse(mutation.madeAt), systemClock().getTime());
  const previous = setClockSource(() => fixedClock(new Date(made)));
  try {
    return definition.input.safeParse(mutation.input ?? {}).success;
  } finally {
    setClockSource(previous);
  }
}

/** The checks the server makes itself, whatever the laptop says: role, input, tables. Null: allowed. */
function checkMutation(caller: Caller, mutation: Mutation): RefusalReason | null {
  if (!isChannel(mutation.channel))
    return {
      code: 'FORMAT_UNSUPPORTED',
      message: 'The partnership server does not know this kind of change. Update the partnership server.',
    };
  const definition: ChannelDefinition = contract[mutation.channel];
  if (definition.access === 'public' || !definition.access.includes(caller.role)) {
    return { code: 'FORBIDDEN', message: 'Your role on the partnership server does not allow this. Ask an administrator if you need it.' };
  }
  if (!inputParses(definition, mutation))
    return { code: 'VALIDATION', message: 'The partnership server found answers that need correcting. Your text is kept on this laptop.' };
  for (const change of mutation.changes) {
    const entry = syncedTable(change.table);
    if (entry === undefined)
      return { code: 'NOT_SYNCED', message: `Records of kind "${change.table}" are not shared through the partnership server.` };
    if (!entry.writtenBy.includes(mutation.channel))
      return { code: 'FORBIDDEN', message: 'This change touched records it may not change. It was not shared.' };
    if (
      change.key.length !== entry.key.length ||
      (change.row !== null && entry.key.some((column, index) => String(change.row?.[column]) !== change.key[index]))
    ) {
      return { code: 'VALIDATION', message: 'A changed record did not match its key. It was not shared.' };
    }
  }
  return null;
}

/**
 * The server's rows for every key a mutation touched, so the laptop can put them back: read as the
 * caller reads (a row their role may not receive, or another's draft, comes back as none).
 */
async function serverRowsFor(db: Kysely<ServerDatabase>, caller: Caller, changes: readonly RowChange[]): Promise<RowChange[]> {
  return inRequestScope(db, caller, async (trx) => {
    const rows: RowChange[] = [];
    for (const change of changes.filter((each) => !holdsNul(each.key)))
      rows.push({
        table: change.table,
        key: change.key,
        row: await currentRow(trx, caller.partnershipId, change.table, JSON.stringify(change.key)),
      });
    return rows;
  });
}

/** A refusal as the laptop receives it, with the server's rows for every key the mutation touched. */
async function refusedResult(
  db: Kysely<ServerDatabase>,
  caller: Caller,
  mutation: Mutation,
  reason: RefusalReason,
): Promise<MutationResult> {
  return {
    mutationId: mutation.mutationId,
    outcome: 'refused',
    code: reason.code,
    message: reason.message,
    serverRows: await serverRowsFor(db, caller, mutation.changes),
  };
}

/**
 * One mutation, in its own PostgreSQL transaction: skipped when this user's earlier push from this
 * laptop already dealt with it (refused again, with the same reason, when it was refused then: a
 * reply lost on the way must not turn a refusal into "already applied"), otherwise checked and
 * applied whole, or refused whole (their watermark still advances, so a refusal is not retried,
 * and the refusal is remembered in the same transaction).
 */
async function pushOne(
  db: Kysely<ServerDatabase>,
  caller: Caller,
  mutation: Mutation,
  refused: RefusalReason | null,
): Promise<MutationResult> {
  const refusal = refused ?? checkMutation(caller, mutation);
  try {
    const done = await inWholePartnershipScope(db, caller, async (trx) => {
      if (await alreadyDealtWith(trx, caller, mutation.mutationId)) {
        const before = await rememberedRefusal(trx, caller, mutation.mutationId);
        return before === null ? { mutationId: mutation.mutationId, outcome: 'duplicate' as const } : before;
      }
      if (refusal !== null) throw new RefusedBeforeApplying();
      // Rolled back with the rest if applying fails; done before the lock to keep the locked part short.
      await advanceProgress(trx, caller, mutation.mutationId);
      // After this laptop's own row locks (no other laptop's push takes them), before any record's.
      await lockChangeLog(trx, caller.partnershipId);
      await assertRiskAcknowledgersQualified(trx, caller.partnershipId, mutation.changes);
      const seq = await applyChanges(
        trx,
        { partnershipId: caller.partnershipId, deviceId: caller.deviceId, mutationId: mutation.mutationId },
        mutation.changes,
      );
      // Delivered on commit only: waiting pulls of this partnership (any server process) wake.
      if (seq !== '') await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${caller.partnershipId})`.execute(trx);
      return { mutationId: mutation.mutationId, outcome: 'applied' as const, seq: seq === '' ? '0' : seq };
    });
    if ('outcome' in done) return done;
    return await refusedResult(db, caller, mutation, { code: refusalCodeSchema.parse(done.code), message: done.message });
  } catch (error) {
    // Two laptops inserting the same new key at the same instant: the second meets the primary key.
    const raced = postgresErrorCode(error) === '23505';
    if (!(error instanceof ApplyConflict) && !(error instanceof RefusedBeforeApplying) && !(error instanceof RuleRefusal) && !raced)
      throw error;
    const reason: RefusalReason = refusal ??
      (error instanceof RuleRefusal ? error.reason : undefined) ?? {
        code: 'CONFLICT',
        message: `${raced ? 'Someone else saved this record on another laptop at the same moment.' : (error as Error).message} Your version is kept on this laptop.`,
      };
    await inRequestScope(db, caller, async (trx) => {
      await advanceProgress(trx, caller, mutation.mutationId);
      await rememberRefusal(trx, caller, mutation.mutationId, reason);
    });
    return refusedResult(db, caller, mutation, reason);
  }
}

class RefusedBeforeApplying extends Error {}

/** POST /sync/push: the laptop's waiting mutations, in order; one result each. */
export const pushRoute: Route = {
  method: 'POST',
  pattern: '/sync/push',
  body: 'json',
  async handle({ db, body, headers, changes }) {
    const caller = await authenticate(db, headers);
    const formatVersion = (body as { formatVersion?: unknown } | null)?.formatVersion;
    if (formatVersion !== SYNC_FORMAT_VERSION) {
      throw new HttpError(
        400,
        'FORMAT_UNSUPPORTED',
        `This laptop sends changes in format ${String(formatVersion)}; the partnership server takes format ${SYNC_FORMAT_VERSION}. Update WorkWell MDT on this laptop (or the server) so they match. Nothing was changed.`,
      );
    }
    // Each mutation is judged on its own: one the server cannot take is refused with its reason, the others still apply.
    const request = parseBody(pushEnvelopeSchema, body);
    if (request.mutations.some((raw) => readableMutationId(raw) === undefined))
      throw new HttpError(
        400,
        'VALIDATION',
        'A change in this push has no mutation id the server can read. Update the app. Nothing was changed.',
      );
    // Refusals below the first change sent have reached the laptop (it sends oldest first).
    const ids = request.mutations.map((raw) => readableMutationId(raw)!);
    if (ids.length > 0) await inRequestScope(db, caller, (trx) => notePushFrom(trx, caller, Math.min(...ids)));
    const results: MutationResult[] = [];
    for (const raw of request.mutations) {
      const parsed = mutationSchema.safeParse(raw);
      if (!parsed.success) {
        // Nothing of it can be trusted: refused by its id alone, with no rows.
        const unreadable = { mutationId: readableMutationId(raw)!, channel: 'sync.unreadable', input: null, changes: [], madeAt: '' };
        results.push(await pushOne(db, caller, unreadable, UNREADABLE));
        continue;
      }
      const unstorable = holdsNul(parsed.data) ? UNSTORABLE : null;
      results.push(await pushOne(db, caller, parsed.data, unstorable));
    }
    if (results.some((result) => result.outcome === 'applied')) changes?.wake(caller.partnershipId);
    // The caller's own watermark on this laptop: other users' changes made here are theirs to push.
    const lastMutationId = await inRequestScope(db, caller, (trx) => progressOf(trx, caller));
    return { status: 200, body: { results, lastMutationId } };
  },
};
