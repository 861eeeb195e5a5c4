// The page the launcher gives Chromium instead of the host's one-time address: Chromium's command
// line is readable by every local user (the process list), a file in a private folder is not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes a page, readable by this user only (0600 in a fresh 0700 folder), that forwards once to
 * `launchUrl`. Returns its file: URL for `--app=` and `forget()`, which deletes it.
 */
export function writeLaunchPage(launchUrl) {
  if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+$/.test(launchUrl)) throw new Error('Not a loopback host launch address.');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'workwell-launch-'));
  const file = path.join(folder, 'open-workwell-mdt.html');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${launchUrl}"><title>Opening WorkWell MDT…</title>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return { url: pathToFileURL(file).href, file, forget: () => rmSync(folder, { recursive: true, force: true }) };
}
