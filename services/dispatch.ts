import { AppError } from '../core/app-error';
import { isChannel, type Channel } from '../core/channels';
import { fieldErrors } from '../core/field-errors';
import { contract, type ChannelDefinition } from '../core/contract';
import { failure, ok, type Result } from '../core/result';
import { toEnvironmentError } from '../db/store-errors';
import type { SignedInUser } from '../core/schemas/session';
import type { AuditRecorder } from './audit-recorder';
import { runWithPendingAudit } from './call-audit-scope';
import type { Dispatch } from './dispatch-types';
import type { CallContext, Handlers } from './handlers';

/** The role check of every call: a public channel, or a signed-in user whose role the channel allows. */
export function checkAccess(definition: ChannelDefinition, user: SignedInUser | null): void {
  if (definition.access === 'public') return;
  if (user === null) throw new AppError('NOT_SIGNED_IN', 'Your session has ended. Unlock the app to carry on.');
  if (!definition.access.includes(user.role)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this. Ask an administrator if you need it.');
  }
}

/**
 * Builds the dispatcher every transport calls. It is the security boundary: it checks the channel
 * exists, the caller's role, and the input against the contract, before any handler runs, and it
 * turns every failure into a typed error so transports never see a raw exception.
 */
export function createDispatch(
  handlers: Handlers,
  currentUser: () => SignedInUser | null,
  onInternalError?: (channel: string, error: unknown) => void,
  audit?: AuditRecorder,
  /** Throws to refuse a call the app's state forbids whatever the role (a store found damaged). */
  refuseInState?: (channel: Channel, definition: ChannelDefinition) => void,
): Dispatch {
  const run = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', 'The app asked for something that does not exist.');
      const definition: ChannelDefinition = contract[channel];
      const context: CallContext = { user: currentUser() };
      let parsedInput: unknown = undefined;
      try {
        checkAccess(definition, context.user);
        refuseInState?.(channel, definition);
        const parsed = definition.input.safeParse(input ?? {});
        if (!parsed.success) {
          throw new AppError('VALIDATION', 'Some answers need correcting.', fieldErrors(parsed.error));
        }
        parsedInput = parsed.data;
        await audit?.before(channel, context.user);
        const handler = handlers[channel] as (input: unknown, context: CallContext) => Promise<unknown>;
        // A handler that changes records in a transaction writes this entry inside it (one commit).
        // The raw input too: a change shared with the partnership server is re-checked there as sent.
        const pending = audit?.pending(channel, context.user, parsed.data, input ?? {}) ?? null;
        const output = definition.output.parse(await runWithPendingAudit(pending, () => handler(parsed.data, context)));
        if (pending?.committed !== true)
          await audit?.after({ channel, caller: context.user, input: parsedInput, rawInput: input ?? {}, output, outcome: 'ok' });
        return ok(output);
      } catch (error) {
        // Refusals are accountable too: who was denied what, and failed sign-ins.
        if (error instanceof AppError)
          await audit?.after({ channel, caller: context.user, input: parsedInput ?? safeIds(input), outcome: error.code });
        throw error;
      }
    } catch (error) {
      if (error instanceof AppError) return failure(error.toShape());
      // A full disk, a busy or damaged store, an I/O error: the truth, not "something went wrong".
      const environment = toEnvironmentError(error);
      if (environment !== null) return failure(environment.toShape());
      onInternalError?.(channel, error);
      return failure({ code: 'INTERNAL', message: 'Something went wrong inside the app. Nothing was saved.' });
    }
  };
  return run;
}

/** For a refused call whose input did not parse: only a username string survives, for failed sign-ins. */
function safeIds(input: unknown): unknown {
  const username = (input as { username?: unknown } | null)?.username;
  return typeof username === 'string' ? { username } : {};
}
