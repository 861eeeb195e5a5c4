import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createKysely } from '../db/create-kysely';
import { migrateToLatest } from '../db/migrate';
import { storePaths } from '../db/store-paths';
import { createAppServices } from '../services/app-services';
import { unlockStore } from '../services/session/unlock-store';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../tests/support/test-admin';
import { benchClock } from './bench-clock';

/** Tables the plain twin gets from its own migrations or triggers, not by copying. */
const NOT_COPIED = /^(kysely_|sqlite_|participants_search)/;

/** Where a cached benchmark store lives: the encrypted data folder and its plain twin. */
export interface BenchStoreFiles {
  readonly dataDir: string;
  readonly plainFile: string;
}

/**
 * The benchmark stores cached in `cacheDir` (made by `make` unless a finished set is there). A set
 * counts as finished only once `ready` exists, so an interrupted run starts again from nothing.
 */
export async function cachedBenchStore(cacheDir: string, make: (files: BenchStoreFiles) => Promise<void>): Promise<BenchStoreFiles> {
  const files = { dataDir: path.join(cacheDir, 'encrypted'), plainFile: path.join(cacheDir, 'plain.db') };
  if (existsSync(path.join(cacheDir, 'ready'))) return files;
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const started = performance.now();
  await make(files);
  const ready = path.join(cacheDir, 'ready.tmp');
  mkdirSync(ready);
  renameSync(ready, path.join(cacheDir, 'ready'));
  console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return files;
}

/** A new encrypted store with the test partnership and `coaches` coach accounts (`bench-coach-N`), which never sign in. */
export async function createBenchPartnership(dataDir: string, coaches: number, now: Date): Promise<void> {
  const services = createAppServices({ clock: benchClock(), dataDir });
  const created = await services.dispatch('setup.createPartnership', testPartnershipInput());
  if (!created.ok) throw new Error(created.error.message);
  await services.close();
  const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
  try {
    const addCoach = store.sqlite.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, ?, ?, 'coach', ?)");
    store.sqlite.transaction(() => {
      for (let index = 1; index <= coaches; index += 1)
        addCoach.run(`bench-coach-${index}`, `coach.${index}`, `Coach ${index}`, now.toISOString());
    })();
  } finally {
    await store.close();
  }
}

/**
 * Makes the plain (unkeyed) twin of the encrypted store: the same migrations, then every row copied
 * across, so both run the same queries over the same data. Its own triggers fill its search index.
 */
export async function copyToPlainTwin({ dataDir, plainFile }: BenchStoreFiles): Promise<void> {
  const plain = new Database(plainFile);
  plain.pragma('journal_mode = WAL');
  const plainDb = createKysely(plain);
  await migrateToLatest(plainDb);
  await plainDb.destroy();
  const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
  const sqlite = store.sqlite;
  try {
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").pluck().all() as string[]).filter(
      (name) => !NOT_COPIED.test(name),
    );
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec(`ATTACH DATABASE '${plainFile.replaceAll("'", "''")}' AS plain KEY ''`);
    sqlite.transaction(() => {
      // OR IGNORE: rows the migrations already put in (built-in disciplines, default settings) are the same.
      for (const table of tables) sqlite.exec(`INSERT OR IGNORE INTO plain.${table} SELECT * FROM main.${table}`);
    })();
    sqlite.exec('DETACH DATABASE plain');
  } finally {
    await store.close();
  }
}
