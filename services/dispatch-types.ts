import type { Result } from '../core/result';

/**
 * The single entry point every transport (Electron IPC, the loopback host, tests) calls. It takes
 * untrusted input: the channel name and input are validated inside.
 */
export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;
