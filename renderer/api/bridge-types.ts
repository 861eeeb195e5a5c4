/**
 * What the Electron preload exposes as `window.workwell`. Mirrors electron/preload-api.ts; the
 * renderer may not import electron/, so the shape is restated here and checked structurally.
 */
export interface WorkwellBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    workwell?: WorkwellBridge;
  }
}
