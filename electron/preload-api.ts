/**
 * The shape of what the preload puts on `window.workwell`. Deliberately free of imports (no core,
 * no zod, no electron) so the renderer can mirror it without pulling in main-process code; the
 * preload checks at compile time that these types agree with core's `Result`.
 */

/** The property name on `window` that holds the bridge. */
export const BRIDGE_KEY = 'workwell';

/** A failed call, as carried from the services layer (or refused by the preload itself). */
export interface BridgeFailure {
  readonly ok: false;
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly fields?: Readonly<Record<string, string>>;
  };
}

/** A successful call; the renderer's typed client narrows `value` per channel. */
export interface BridgeSuccess {
  readonly ok: true;
  readonly value: unknown;
}

export type BridgeResult = BridgeSuccess | BridgeFailure;

/**
 * The whole bridge: one method. It never rejects; refusals and failures come back as results.
 */
export interface WorkwellBridge {
  invoke(channel: string, input?: unknown): Promise<BridgeResult>;
}
