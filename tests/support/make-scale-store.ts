import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../services/app-services';
import { seedStore } from '../../services/session/store-commands';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from './test-admin';
import { testClock } from './test-clock';

/**
 * Makes (once) a store of N synthetic people for the caseload-at-scale e2e test:
 * `node --import tsx tests/support/make-scale-store.ts CACHE_DIR N`. The people only (no histories),
 * as the benchmark does, which is what the caseload reads. `CACHE_DIR/ready` marks a finished store,
 * so an interrupted run is simply made again.
 */
async function main(): Promise<void> {
  const [cacheDir, countText] = process.argv.slice(2);
  const participants = Number(countText);
  if (cacheDir === undefined || !Number.isSafeInteger(participants)) throw new Error('usage: make-scale-store.ts CACHE_DIR N');
  if (existsSync(path.join(cacheDir, 'ready'))) return;
  // Made in a folder of its own, then renamed into place: two runs at once (or one interrupted)
  // never leave a half-made store where the test looks for it.
  const building = `${cacheDir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const dataDir = path.join(building, 'store');
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const services = createAppServices({ clock: testClock(), dataDir });
  const created = await services.dispatch('setup.createPartnership', testPartnershipInput());
  if (!created.ok) throw new Error(created.error.message);
  await services.close();
  // A fixed past "now" keeps the store the same on every machine (the seed is deterministic).
  await seedStore({
    dataDir,
    passphrase: TEST_ADMIN_PASSPHRASE,
    participants,
    seed: 250,
    now: new Date('2026-11-30T09:00:00Z'),
    peopleOnly: true,
  });
  mkdirSync(path.join(building, 'ready'));
  if (existsSync(path.join(cacheDir, 'ready'))) {
    rmSync(building, { recursive: true, force: true });
    return;
  }
  rmSync(cacheDir, { recursive: true, force: true });
  renameSync(building, cacheDir);
  console.log(`Made ${participants} people in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

await main();
