import { isChannel } from '../core/channels';
import { fixedClock, setClockSource, systemClock } from '../core/clock';
import { contract, type ChannelDefinition } from '../core/contract';
import { syncedTable } from '../core/sync/synced-tables';
import { mutationSchema, SYNC_FORMAT_VERSION, type Mutation, type MutationResult } from '../core/sync/sync-protocol';
import { authenticate, type Caller } from './auth-session';
import { progressOf } from './device-user-progress';
import { HttpError } from './http-error';
import { applyPushBatch, PUSH_BATCH_SIZE, type JudgedMutation, type RefusalReason } from './push-batch';
import { inRequestScope } from './request-scope';
import type { Route } from './route';
import { parseBody } from './sync-body';
import { holdsNul, pushEnvelopeSchema, readableMutationId, UNREADABLE, UNSTORABLE } from './sync-push-input';

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
    // Judged before any transaction, so no lock is held while the server parses and validates.
    const judged: JudgedMutation[] = request.mutations.map((raw) => {
      const parsed = mutationSchema.safeParse(raw);
      // Nothing of it can be trusted: refused by its id alone, with no rows.
      if (!parsed.success)
        return {
          mutation: { mutationId: readableMutationId(raw)!, channel: 'sync.unreadable', input: null, changes: [], madeAt: '' },
          refusal: UNREADABLE,
        };
      return { mutation: parsed.data, refusal: holdsNul(parsed.data) ? UNSTORABLE : checkMutation(caller, parsed.data) };
    });
    const results: MutationResult[] = [];
    let lastMutationId: number | undefined;
    for (let start = 0; start < judged.length; start += PUSH_BATCH_SIZE) {
      // Refusals below the first change sent have reached the laptop (it sends oldest first).
      const first = start === 0 ? Math.min(...judged.map(({ mutation }) => mutation.mutationId)) : null;
      const batch = await applyPushBatch(db, caller, judged.slice(start, start + PUSH_BATCH_SIZE), first);
      results.push(...batch.results);
      lastMutationId = batch.watermark;
    }
    if (results.some((result) => result.outcome === 'applied')) changes?.wake(caller.partnershipId);
    // The caller's own watermark on this laptop: other users' changes made here are theirs to push.
    lastMutationId ??= await inRequestScope(db, caller, (trx) => progressOf(trx, caller));
    return { status: 200, body: { results, lastMutationId } };
  },
};
