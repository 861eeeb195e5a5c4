import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';

/**
 * Issue 17 item 1: one process per data folder, with real processes. The lock is an OS-level
 * SQLite lock (db/store-lock.ts), so it excludes other processes and dies with its holder.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const PASSPHRASE = 'quiet meadow copper 19 violin';
const REFUSAL =
  /This data folder is open in another WorkWell MDT window or command \(host, pid (\d+), since \d\d:\d\d\)\. Close it first\./;

interface Host {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  readonly exited: Promise<number | null>;
}

function startHost(dataDir: string): Host {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'host/main.ts', '--data-dir', dataDir, '--renderer-dir', tempDir('workwell-renderer-'), '--port', '0'],
    {
      cwd: root,
      env: { ...process.env, WORKWELL_HOST_EXIT_ON_STDIN_END: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// Generous: a host starting through tsx on a busy 2-core CI machine can take tens of seconds.
async function listening(host: Host): Promise<void> {
  await expect.poll(() => host.output(), { timeout: 90_000 }).toMatch(/listening at \S+/);
}

async function stop(host: Host): Promise<void> {
  host.child.stdin.end();
  await host.exited;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['bin/workwell-mdt.mjs', ...args], {
    cwd: root,
    env: { ...process.env, WORKWELL_PASSPHRASE: PASSPHRASE },
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describe('one process per data folder', () => {
  it('refuses a second host on the same folder, naming the first', async () => {
    const dataDir = tempDir();
    const first = startHost(dataDir);
    try {
      await listening(first);
      const second = startHost(dataDir);
      expect(await second.exited).not.toBe(0);
      const match = REFUSAL.exec(second.output());
      expect(match, second.output()).not.toBeNull();
      expect(Number(match![1])).toBe(first.child.pid);
      expect(first.child.exitCode).toBeNull();
    } finally {
      await stop(first);
    }
  }, 180_000);

  it('refuses a CLI restore while a host has the folder open, moving nothing', async () => {
    const dataDir = tempDir();
    const backup = path.join(tempDir('workwell-backup-'), 'store.wwbackup');
    expect(cli('init', '--store', dataDir, '--admin', 'a.admin', '--icb', 'frimley').status).toBe(0);
    const made = cli('backup', '--store', dataDir, '--out', backup, '--user', 'a.admin');
    expect(made.status, made.stderr).toBe(0);

    const host = startHost(dataDir);
    try {
      await listening(host);
      const before = readdirSync(dataDir).sort();
      const restore = cli('restore', '--store', dataDir, '--from', backup, '--user', 'a.admin');
      expect(restore.status).not.toBe(0);
      expect(restore.stdout + restore.stderr).toMatch(REFUSAL);
      expect(readdirSync(dataDir).sort()).toEqual(before);
      expect(before.some((name) => name.startsWith('replaced-'))).toBe(false);
    } finally {
      await stop(host);
    }
    // Once the host has gone, the same restore goes through.
    const restore = cli('restore', '--store', dataDir, '--from', backup, '--user', 'a.admin');
    expect(restore.status, restore.stderr).toBe(0);
  }, 180_000);

  it('a host killed with SIGKILL leaves no lock behind: a new host starts', async () => {
    const dataDir = tempDir();
    const first = startHost(dataDir);
    await listening(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = startHost(dataDir);
    try {
      await listening(second);
      expect(second.output()).not.toMatch(REFUSAL);
    } finally {
      await stop(second);
    }
  }, 180_000);
});
