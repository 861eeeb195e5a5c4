import { findSlot, readKeyring, unwrapDataKey } from '../../db/keyring';
import { openEncryptedDatabase } from '../../db/open-store';
import { storePaths } from '../../db/store-paths';

/**
 * A second, independent connection to a store that the app under test holds open, so a test can
 * check what really reached the disk (WAL mode lets a reader in beside the writer). The data key
 * is unwrapped once, and again whenever the app has rotated it (the old key then no longer opens
 * the store); each read opens and closes its own connection.
 */
export async function storeReader(dataDir: string, username: string, passphrase: string) {
  const paths = storePaths(dataDir);
  async function unwrap(): Promise<Buffer> {
    const keyring = await readKeyring(paths.keyring);
    const slot = keyring === undefined ? undefined : findSlot(keyring, username);
    if (keyring === undefined || slot === undefined) throw new Error(`no key slot for ${username}`);
    return unwrapDataKey(keyring, slot, passphrase);
  }
  let dataKey = await unwrap();

  function read<T>(work: (database: ReturnType<typeof openEncryptedDatabase>) => T): T {
    const database = openEncryptedDatabase(paths.database, dataKey, { create: false });
    try {
      return work(database);
    } finally {
      database.close();
    }
  }

  return {
    read,
    /** Unwraps the data key again: call after the app under test rotates it. */
    async refreshKey(): Promise<void> {
      dataKey.fill(0);
      dataKey = await unwrap();
    },
    /** Rows in every table (migration bookkeeping left out), keyed by table name. */
    rowCounts(options: { except?: readonly string[] } = {}): Record<string, number> {
      return read((database) => rowCounts(database, options.except ?? []));
    },
    /** `PRAGMA integrity_check`: 'ok' when the file is sound. */
    integrityCheck(): string {
      return read((database) =>
        (database.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; '),
      );
    },
    forget(): void {
      dataKey.fill(0);
    },
  };
}

/** Rows in every table of an open connection (migration bookkeeping and `except` left out), keyed by table name. */
export function rowCounts(database: ReturnType<typeof openEncryptedDatabase>, except: readonly string[] = []): Record<string, number> {
  const tables = database
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    counts[name] = (database.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
  }
  return counts;
}
