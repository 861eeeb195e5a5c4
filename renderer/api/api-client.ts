import type { Channel } from '../../core/channels';
import type { ChannelInput, ChannelOutput } from '../../core/contract';
import type { Result } from '../../core/result';
import type { Transport } from './transport';

/** The typed client of the contract: one method, typed per channel. */
export interface ApiClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (channel, input) => transport(channel, input) as never,
  };
}
