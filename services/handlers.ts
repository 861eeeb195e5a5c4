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
