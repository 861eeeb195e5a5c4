import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { internalErrorLogLine } from '../../../services/internal-error-log';
import { value } from '../../support/demo-with-person';
import { connectToHost } from '../../support/host-transport';
import { storeReader } from '../../support/store-reader';
import { tempDir } from '../../support/temp-dir';
import { testReferral } from '../../support/test-referral';

const root = path.resolve(__dirname, '../../..');

describe('internalErrorLogLine', () => {
  it('names the channel and error class only: never the message, stack or cause', () => {
    const canary = `Canary${randomUUID()}`;
    const error = new Error(`UNIQUE constraint failed near '${canary}'`, { cause: new Error(canary) });
    error.stack = `Error: ${canary}\n    at register (${canary}.ts:1:1)`;
    const line = internalErrorLogLine('participants.register', error);
    expect(line).toBe('WorkWell MDT: internal error on participants.register (Error)');
    expect(line).not.toContain(canary);
  });

  it('does not trust an error name or a channel name that could carry data', () => {
    const odd = new Error('x');
    odd.name = 'Jane Smith, 12 High Street';
    expect(internalErrorLogLine('participants.get', odd)).toBe('WorkWell MDT: internal error on participants.get (Error)');
    expect(internalErrorLogLine('Jane Smith', 'boom')).toBe('WorkWell MDT: internal error on an unknown channel (Error)');
  });
});

describe('a real internal error in the running host', () => {
  it('logs the channel and error class, and neither the log nor the answer quotes the record', async () => {
    const canary = `Canary${randomUUID().replaceAll('-', '')}`;
    const dataDir = tempDir();
    const rendererDir = tempDir('workwell-renderer-');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'host/main.ts', '--data-dir', dataDir, '--renderer-dir', rendererDir, '--port', '0'],
      {
        cwd: root,
        env: { ...process.env, WORKWELL_HOST_EXIT_ON_STDIN_END: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await expect.poll(() => /listening at (\S+)/.exec(output)?.[1], { timeout: 30_000 }).toBeDefined();
      const call = await connectToHost(/listening at (\S+)/.exec(output)![1]!);
      value(await call('setup.createDemoPartnership', {}));
      const { id } = value<{ id: string }>(
        await call('participants.register', testReferral({ person: { nhsNumber: '', givenName: canary } })),
      );

      // Make the store fail the way a real fault would, with an error message that quotes the
      // person's name: every audit write now raises an error carrying it.
      const reader = await storeReader(dataDir, DEMO_PARTNERSHIP.adminUsername, DEMO_PARTNERSHIP.passphrase);
      reader.read((database) =>
        database.exec(
          `CREATE TRIGGER leak_name BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, (SELECT given_name FROM participants WHERE id = NEW.participant_id)); END`,
        ),
      );
      reader.forget();

      const result = await call('participants.get', { id });
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(result)).not.toContain(canary);
      await expect.poll(() => output, { timeout: 10_000 }).toContain('WorkWell MDT: internal error on participants.get (SqliteError)');
    } finally {
      child.stdin.end();
      await exited;
    }
    expect(output).not.toContain(canary);
  }, 60_000);
});
