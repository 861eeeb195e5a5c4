/**
 * Runs in the sandboxed preload of the main window. Exposes exactly one function, `invoke`, on
 * `window.workwell`; never `ipcRenderer` itself, which would let the page send on any channel
 * (Electron's IPC tutorial warns against exactly that). Imports only core/channels so the bundle
 * stays a single small file without zod.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_PREFIX, isChannel } from '../core/channels';
import type { Result } from '../core/result';
import { BRIDGE_KEY, type BridgeFailure, type BridgeResult, type WorkwellBridge } from './preload-api';

/** Compile-time proof that the renderer-facing types accept everything core can send. */
type Assignable<T extends BridgeResult> = T;
export type ResultFitsBridge = Assignable<Result<unknown>>;

const unknownChannel: BridgeFailure & Result<never> = {
  ok: false,
  error: { code: 'UNKNOWN_CHANNEL', message: 'The app asked for something it does not offer.' },
};

/** If the main process has no handler (e.g. while shutting down) the page still gets a Result. */
const unavailable: BridgeFailure & Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app could not handle that request. Try again, or restart the app.' },
};

const bridge: WorkwellBridge = Object.freeze({
  invoke(channel: string, input?: unknown): Promise<BridgeResult> {
    // Checked here as well as in main so a page bug never reaches IPC with a made-up name.
    if (!isChannel(channel)) return Promise.resolve(unknownChannel);
    return (ipcRenderer.invoke(IPC_PREFIX + channel, input) as Promise<BridgeResult>).catch(() => unavailable);
  },
});

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
