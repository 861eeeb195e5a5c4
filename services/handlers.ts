import type { Channel } from '../core/channels';
import type { ChannelOutput, ParsedInput } from '../core/contract';
import type { SignedInUser } from '../core/schemas/session';

/** Who is calling: the signed-in user, or nobody (first run and unlock). */
export interface CallContext {
  readonly user: SignedInUser | null;
}

/**
 * The one typed handler map: each channel's implementation receives input already parsed by its
 * contract schema.
 */
export type Handlers = {
  readonly [C in Channel]: (input: ParsedInput<C>, context: CallContext) => Promise<ChannelOutput<C>>;
};

/** The signed-in caller, on channels whose access rule already made dispatch refuse anonymous calls. */
export function signedInCaller(context: CallContext): SignedInUser {
  if (context.user === null) throw new Error('unreachable: dispatch refuses anonymous calls to this channel');
  return context.user;
}
