import { isChannel } from '../core/channels';

/** Error class names look like this; anything else is not trusted into a log. */
const ERROR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * The one log line for an unexpected failure behind the contract: the channel and the error's
 * class, nothing more. The message, stack and cause are left out on purpose: a SQLite or zod
 * message can quote the data that caused it (a name, a note), and logs are not encrypted.
 */
export function internalErrorLogLine(channel: string, error: unknown): string {
  const where = isChannel(channel) ? channel : 'an unknown channel';
  const name = error instanceof Error && ERROR_NAME.test(error.name) ? error.name : 'Error';
  return `WorkWell MDT: internal error on ${where} (${name})`;
}
