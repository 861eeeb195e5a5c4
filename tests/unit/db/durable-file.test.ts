import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeHalfWrittenFiles, writeFileDurablySync } from '../../../db/durable-file';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('durable files', () => {
  it('sweeps only the temporaries a cut-short durable write leaves, never a real file', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'workwell-durable-'));
    folders.push(folder);
    writeFileDurablySync(path.join(folder, 'newest-backup.json'), '{}\n');
    writeFileSync(path.join(folder, '.newest-backup.json.4392bc625b5f.tmp'), '{"fi');
    writeFileSync(path.join(folder, '.keyring.json.0123456789ab.tmp'), '');
    writeFileSync(path.join(folder, 'notes.tmp'), 'not ours');
    writeFileSync(path.join(folder, '.keyring.json.short.tmp'), 'not the pattern');
    removeHalfWrittenFiles(folder);
    expect(readdirSync(folder).sort()).toEqual(['.keyring.json.short.tmp', 'newest-backup.json', 'notes.tmp']);
  });
});
