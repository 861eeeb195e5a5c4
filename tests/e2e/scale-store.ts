import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The store of SCALE_E2E_PARTICIPANTS synthetic people (250,000 by default) that the caseload-at-scale
 * spec opens, made once by `tests/support/make-scale-store.ts` and cached under the OS temp folder,
 * keyed by the size and the migrations (a new migration makes it again).
 */
export const SCALE_PARTICIPANTS = Number(process.env.SCALE_E2E_PARTICIPANTS ?? 250_000);
const root = path.resolve(import.meta.dirname, '..', '..');
const SCHEMA_TAG = createHash('sha256')
  .update(
    readdirSync(path.join(root, 'db', 'migrations'))
      .sort()
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 8);
/** The cache folder; its `store` subfolder is the data folder, its `ready` subfolder marks a finished store. */
export const SCALE_CACHE_DIR = path.join(os.tmpdir(), `workwell-scale-e2e-${SCALE_PARTICIPANTS}-${SCHEMA_TAG}`);

/**
 * Makes the scale store unless the cache already holds a finished one (minutes the first time).
 * Returns what the maker printed, or null when the cache was ready.
 */
export function makeScaleStoreOnce(): string | null {
  if (existsSync(path.join(SCALE_CACHE_DIR, 'ready'))) return null;
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tests/support/make-scale-store.ts', SCALE_CACHE_DIR, String(SCALE_PARTICIPANTS)],
    { cwd: root, encoding: 'utf8', timeout: 14 * 60_000 },
  );
  if (made.status !== 0) throw new Error(`making the ${SCALE_PARTICIPANTS} person store failed: ${made.stderr}`);
  return made.stdout.trim();
}
