import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBin } from '../../support/postgres-cluster';
import { tempDir } from '../../support/temp-dir';

describe('the test PostgreSQL cluster', () => {
  it('fails with the install command, rather than skipping, when PostgreSQL is not installed', async () => {
    const nowhere = tempDir();
    await expect(findPostgresBin(path.join(nowhere, 'postgresql'), nowhere)).rejects.toThrow(
      /PostgreSQL, and its binaries \(initdb, pg_ctl\) were not found\. Install them with `apt-get install -y postgresql`/,
    );
  });

  it("prefers Debian's newest /usr/lib/postgresql/N/bin", async () => {
    const debian = tempDir();
    for (const version of ['9', '15', '13']) {
      mkdirSync(path.join(debian, version, 'bin'), { recursive: true });
      writeFileSync(path.join(debian, version, 'bin', 'initdb'), '');
    }
    expect(await findPostgresBin(debian, '')).toBe(path.join(debian, '15', 'bin'));
  });
});
