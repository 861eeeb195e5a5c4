import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCliError, runCli } from '../../../cli/main';
import { SERVER_SCHEMA_VERSION } from '../../../server/migrations';
import { createServerDatabase } from '../../../server/server-database';
import { httpCall } from '../../support/http-call';
import { freshServerDatabase, type FreshServerDatabase } from '../../support/postgres';

const root = path.resolve(import.meta.dirname, '../../..');

let blank: FreshServerDatabase;

beforeAll(async () => {
  blank = await freshServerDatabase({ migrated: false });
});

afterAll(async () => {
  await blank?.drop();
});

describe('workwell-mdt server start', () => {
  it('migrates a blank database, serves /health, and stops cleanly on SIGTERM with exit code 0', async () => {
    const child = spawn(
      process.execPath,
      ['bin/workwell-mdt.mjs', 'server', 'start', '--database-url', blank.url, '--listen', '127.0.0.1:0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      await expect.poll(() => /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(output)?.[1], { timeout: 30_000 }).toBeDefined();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(output)![1]!;
      expect(output).toContain(`(database schema version ${SERVER_SCHEMA_VERSION}).`);
      expect((await httpCall(`${url}/health`)).json).toMatchObject({ status: 'ok', schemaVersion: SERVER_SCHEMA_VERSION });
      await expect.poll(() => output).toMatch(/ GET \/health 200 [\d.]+ms\n/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output).toContain('SIGTERM: stopping');
    expect(output).toMatch(/Partnership server stopped\.\n$/);
  }, 60_000);

  it('refuses a database from a newer server with a clear message, and leaves no stop handlers behind', async () => {
    const future = await freshServerDatabase();
    const db = createServerDatabase(future.url);
    await db
      .updateTable('server_meta')
      .set({ schema_version: SERVER_SCHEMA_VERSION + 1 })
      .execute();
    await db.destroy();
    const handlersBefore = process.listenerCount('SIGTERM');
    try {
      const error = await runCli(['server', 'start', '--database-url', future.url, '--listen', '127.0.0.1:0'], () => undefined).catch(
        (e: unknown) => e,
      );
      expect(describeCliError(error)).toMatch(
        /^This database was set up by a newer WorkWell MDT server .* Update the server before starting it\. Nothing was changed\.$/,
      );
      expect(process.listenerCount('SIGTERM')).toBe(handlersBefore);
    } finally {
      await future.drop();
    }
  });

  it('never takes the database password on the command line, and needs its options', async () => {
    const withPassword = new URL(blank.url);
    withPassword.password = 'hunter2';
    for (const url of [
      withPassword.toString(),
      `${blank.url}?password=hunter2`,
      'postgres:///workwell?host=/var/run/postgresql&password=hunter2',
    ]) {
      await expect(runCli(['server', 'start', '--database-url', url, '--listen', '127.0.0.1:0'])).rejects.toThrow(
        /never taken on the command line.*PGPASSWORD/,
      );
    }
    await expect(runCli(['server', 'start', '--listen', '127.0.0.1:0'])).rejects.toThrow(/needs --database-url/);
    await expect(runCli(['server', 'start', '--database-url', blank.url])).rejects.toThrow(/needs --listen/);
    await expect(runCli(['server', 'stop'])).rejects.toThrow(/Usage: workwell-mdt server start/);
    await expect(runCli(['server', 'start', '--database-url', blank.url, '--listen', '0.0.0.0:8443'])).rejects.toMatchObject({
      code: 'PLAIN_HTTP_REFUSED',
    });
  });

  it('is listed by workwell-mdt help', async () => {
    const lines: string[] = [];
    expect(await runCli(['help'], (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toContain('workwell-mdt server start --database-url URL --listen HOST:PORT');
  });
});
