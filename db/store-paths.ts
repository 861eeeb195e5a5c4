import path from 'node:path';

/** Where a partnership's files live inside its data directory. */
export interface StorePaths {
  readonly dataDir: string;
  readonly database: string;
  readonly keyring: string;
}

export const DATABASE_FILE_NAME = 'workwell.db';
export const KEYRING_FILE_NAME = 'keyring.json';

export function storePaths(dataDir: string): StorePaths {
  const resolved = path.resolve(dataDir);
  return {
    dataDir: resolved,
    database: path.join(resolved, DATABASE_FILE_NAME),
    keyring: path.join(resolved, KEYRING_FILE_NAME),
  };
}
