import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostServer } from '../../host/host-server';
import type { Dispatch } from '../../services/dispatch-types';
import { connectToHost } from './host-transport';

/**
 * The real loopback host serving `dispatch`, and a connected client that behaves like the browser
 * (session header, Origin). Call `close` when done; it may span several tests.
 */
export async function hostTransport(dispatch: Dispatch): Promise<{ call: Dispatch; close(): Promise<void> }> {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const host = await startHostServer({ dispatch, rendererDir });
  return {
    call: await connectToHost(host.launchUrl),
    async close() {
      await host.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
