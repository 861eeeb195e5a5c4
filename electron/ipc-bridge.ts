import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, IPC_PREFIX, type Channel } from '../core/channels';
import type { Result } from '../core/result';
import type { Dispatch } from '../services/dispatch-types';
import { isTrustedSender } from './sender-check';

/** What an untrusted frame gets back: no detail about the app or the channel. */
const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the WorkWell MDT window.' },
};

/** What the page gets if dispatch breaks its promise not to throw. */
const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong. Try again, and if it keeps happening, restart the app.' },
};

/**
 * Serve the contract over IPC: one `ipcMain.handle` per channel, named `workwell:<channel>`, so
 * no catch-all channel exists that could be called with a made-up name. Each call checks the
 * sending frame before anything else; input is passed through untouched because `dispatch`
 * validates it. Nothing about the input or result is logged (it is personal data).
 *
 * Returns a function that removes the handlers again.
 */
export function registerContractHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, input: unknown) => handleCall(dispatch, channel, event, input));
  }
  return () => removeContractHandlers(ipcMain);
}

async function handleCall(dispatch: Dispatch, channel: Channel, event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> {
  if (!isTrustedSender(event.senderFrame)) return FORBIDDEN;
  try {
    return await dispatch(channel, input);
  } catch {
    return INTERNAL;
  }
}

/** Remove every contract handler (before re-registering, or when services shut down). */
export function removeContractHandlers(ipcMain: Pick<IpcMain, 'removeHandler'>): void {
  for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
}
