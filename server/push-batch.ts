import { sql, type Kysely, type Transaction } from 'kysely';
import { refusalCodeSchema, type Mutation, type MutationResult, type RowChange } from '../core/sync/sync-protocol';
import type { Caller } from './auth-session';
import { CHANGES_CHANNEL } from './change-waiters';
import { advanceProgressTo, claimProgress, loggedUnderLegacy } from './device-user-progress';
import { rememberedRefusal, rememberRefusal } from './refused-mutations';
import { asCallerReads, inWholePartnershipScope } from './request-scope';
import { assertRiskAcknowledgersQualified, RuleRefusal } from './risk-qualification-check';
import type { ServerDatabase } from './server-schema';
import { postgresErrorCode } from './server-database';
import { ApplyConflict, applyChanges, currentRow, lockChangeLog } from './sync-apply';
import { holdsNul } from './sync-push-input';

type Refusal = Extract<MutationResult, { outcome: 'refused' }>;
/** Why a mutation is refused: its typed code and the message the person is given. */
export type RefusalReason = Omit<Refusal, 'mutationId' | 'outcome' | 'serverRows'>;

/** A mutation of a push with the server's own verdict before applying (null: its checks passed). */
export interface JudgedMutation {
  readonly mutation: Mutation;
  readonly refusal: RefusalReason | null;
}

/**
 * Mutations applied in one transaction at most. Each gets a savepoint, and every savepoint that
 * writes takes a subtransaction id; PostgreSQL keeps 64 of them per transaction in shared memory
 * before every other session's visibility checks slow down, so a batch stays under that.
 */
export const PUSH_BATCH_SIZE = 50;

/**
 * The server's rows for every key a mutation touched, so the laptop can put them back: read as the
 * caller reads (a row their role may not receive, or another's draft, comes back as none), and
 * without locking them (the change-log lock may not be taken yet: records are locked after it).
 */
async function serverRowsFor(trx: Transaction<ServerDatabase>, caller: Caller, changes: readonly RowChange[]): Promise<RowChange[]> {
  return asCallerReads(trx, async () => {
    const rows: RowChange[] = [];
    for (const change of changes.filter((each) => !holdsNul(each.key)))
      rows.push({
        table: change.table,
        key: change.key,
        row: await currentRow(trx, caller.partnershipId, change.table, JSON.stringify(change.key), false),
      });
    return rows;
  });
}

/** A refusal as the laptop receives it, with the server's rows for every key the mutation touched. */
async function refusedResult(
  trx: Transaction<ServerDatabase>,
  caller: Caller,
  mutation: Mutation,
  reason: RefusalReason,
): Promise<MutationResult> {
  return {
    mutationId: mutation.mutationId,
    outcome: 'refused',
    code: reason.code,
    message: reason.message,
    serverRows: await serverRowsFor(trx, caller, mutation.changes),
  };
}

/** A mutation refused part-way through applying, in a batch run without savepoints: the batch runs again with them. */
class RefusedWithoutSavepoint extends Error {}

/**
 * Applies one mutation whole. With `savepoints`, inside a savepoint of its own: a refusal rolls
 * back to it and says why (the batch's other mutations stay). Without (the first attempt at every
 * batch: refusals while applying are rare, and a savepoint and its release are two more round
 * trips a change), a refusal ends the attempt and the batch is run again with savepoints. Failures
 * that are not a refusal end the whole batch.
 */
async function applyOne(
  trx: Transaction<ServerDatabase>,
  caller: Caller,
  mutation: Mutation,
  savepoints: boolean,
): Promise<{ seq: string } | RefusalReason> {
  // Before the savepoint: a lock taken inside one is released when it is rolled back to.
  await lockChangeLog(trx, caller.partnershipId);
  if (savepoints) await sql`SAVEPOINT mutation`.execute(trx);
  try {
    await assertRiskAcknowledgersQualified(trx, caller.partnershipId, mutation.changes);
    const seq = await applyChanges(
      trx,
      { partnershipId: caller.partnershipId, deviceId: caller.deviceId, mutationId: mutation.mutationId },
      mutation.changes,
    );
    if (savepoints) await sql`RELEASE SAVEPOINT mutation`.execute(trx);
    return { seq };
  } catch (error) {
    // Two laptops inserting the same new key at the same instant: the second meets the primary key.
    const raced = postgresErrorCode(error) === '23505';
    if (!(error instanceof ApplyConflict) && !(error instanceof RuleRefusal) && !raced) throw error;
    if (!savepoints) throw new RefusedWithoutSavepoint();
    await sql`ROLLBACK TO SAVEPOINT mutation`.execute(trx);
    await sql`RELEASE SAVEPOINT mutation`.execute(trx);
    if (error instanceof RuleRefusal) return error.reason;
    return {
      code: 'CONFLICT',
      message: `${raced ? 'Someone else saved this record on another laptop at the same moment.' : (error as Error).message} Your version is kept on this laptop.`,
    };
  }
}

/**
 * Up to PUSH_BATCH_SIZE mutations of one push, in order, in ONE PostgreSQL transaction (one
 * watermark lock, one change-log lock, one notification); a refused mutation never undoes the
 * others (applyOne: the batch is run again with a savepoint each when one is refused part-way).
 * A mutation this user's earlier push from this laptop already dealt with is skipped (refused
 * again, with the same reason, when it was refused then: a reply lost on the way must not turn a
 * refusal into "already applied"); any other is checked and
 * applied whole, or refused whole and remembered. The watermark moves past every mutation of the
 * batch, applied or refused, when the transaction commits, so a refusal is not retried. A failure
 * that is not a refusal (PostgreSQL unreachable) rolls the batch back whole: the laptop sends it
 * again, and nothing of it is lost or doubled. `firstOfPush`: the push's lowest mutation id, given
 * with its first batch (claimProgress).
 */
export async function applyPushBatch(
  db: Kysely<ServerDatabase>,
  caller: Caller,
  batch: readonly JudgedMutation[],
  firstOfPush: number | null,
): Promise<BatchOutcome> {
  try {
    return await applyBatchOnce(db, caller, batch, firstOfPush, false);
  } catch (error) {
    if (!(error instanceof RefusedWithoutSavepoint)) throw error;
    return applyBatchOnce(db, caller, batch, firstOfPush, true);
  }
}

interface BatchOutcome {
  readonly results: MutationResult[];
  /** The caller's watermark on this laptop once the batch committed. */
  readonly watermark: number;
}

async function applyBatchOnce(
  db: Kysely<ServerDatabase>,
  caller: Caller,
  batch: readonly JudgedMutation[],
  firstOfPush: number | null,
  savepoints: boolean,
): Promise<BatchOutcome> {
  const highest = Math.max(...batch.map(({ mutation }) => mutation.mutationId));
  return inWholePartnershipScope(db, caller, async (trx) => {
    const progress = await claimProgress(trx, caller, firstOfPush);
    await advanceProgressTo(trx, caller, highest);
    let own = progress.own;
    let applied = false;
    const results: MutationResult[] = [];
    for (const { mutation, refusal } of batch) {
      const id = mutation.mutationId;
      if (id <= own || (id <= progress.legacy && (await loggedUnderLegacy(trx, caller, id)))) {
        const before = await rememberedRefusal(trx, caller, id);
        results.push(
          before === null
            ? { mutationId: id, outcome: 'duplicate' }
            : await refusedResult(trx, caller, mutation, { code: refusalCodeSchema.parse(before.code), message: before.message }),
        );
        continue;
      }
      own = Math.max(own, id);
      const outcome = refusal ?? (await applyOne(trx, caller, mutation, savepoints));
      if ('seq' in outcome) {
        applied ||= outcome.seq !== '';
        results.push({ mutationId: id, outcome: 'applied', seq: outcome.seq === '' ? '0' : outcome.seq });
        continue;
      }
      await rememberRefusal(trx, caller, id, outcome);
      results.push(await refusedResult(trx, caller, mutation, outcome));
    }
    // Delivered on commit only: waiting pulls of this partnership (any server process) wake.
    if (applied) await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${caller.partnershipId})`.execute(trx);
    return { results, watermark: Math.max(own, highest) };
  });
}
