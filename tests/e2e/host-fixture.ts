import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_NOW } from '../support/test-clock';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface RunningHost {
  readonly launchUrl: string;
  readonly dataDir: string;
  /** Stops the host (closing the store) and starts a new one on the same data folder. */
  restart(): Promise<RunningHost>;
}

/**
 * Starts the real loopback host (`host/main.ts` through tsx) on a fresh temporary data folder and
 * waits for the address it prints, as `npm start` does, the way VS Code's browser tests start
 * the real server.
 */
async function startHost(dataDir: string, children: ChildProcess[]): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'host/main.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: root,
    // The app runs on the tests' fixed date, so the specs' dates mean the same on any day.
    env: { ...process.env, WORKWELL_HOST_EXIT_ON_STDIN_END: '1', WORKWELL_CLOCK: TEST_NOW },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
  return {
    launchUrl,
    dataDir,
    restart: async () => {
      await stopHost(child);
      return startHost(dataDir, children);
    },
  };
}

/** Stops a host and waits for it to exit; a host that already exited (by code or by signal) is done. */
function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: RunningHost }>({
  // Playwright reads the fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-e2e-'));
    const children: ChildProcess[] = [];
    try {
      await use(await startHost(dataDir, children));
    } finally {
      for (const child of children) await stopHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Opens the app from the host's one-time launch address. */
export async function openApp(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.launchUrl);
}

/**
 * Runs `use` against a host started on an existing data folder (a prepared store), stopping the
 * host afterwards. The folder is left for the caller to remove.
 */
export async function withHostOn(dataDir: string, use: (host: RunningHost) => Promise<void>): Promise<void> {
  const children: ChildProcess[] = [];
  try {
    await use(await startHost(dataDir, children));
  } finally {
    for (const child of children) await stopHost(child);
  }
}
