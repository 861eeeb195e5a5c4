import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import { KEYRING_COPY_FILE_NAME, findSlot, readKeyring, unwrapDataKey, unwrapUserPrivateKey, type Keyring } from '../../db/keyring';
import { signingKeyFromSlotSecret } from '../../db/signing-key';
import path from 'node:path';
import { storePaths } from '../../db/store-paths';

/**
 * A user who holds the data key and works on the store behind the app's back (issue 18): their own
 * passphrase unwraps the key, and the store is opened with it through better-sqlite3-multiple-ciphers
 * directly, with SQLCipher 4's settings, as an independent SQLCipher build would. No app code opens
 * or migrates it, and nothing the app would refuse (triggers, roles) stands in the way once dropped.
 */
export async function asKeyHolder(dataDir: string, username: string, passphrase: string) {
  const paths = storePaths(dataDir);
  const keyring = await readKeyring(paths.keyring);
  const slot = keyring === undefined ? undefined : findSlot(keyring, username);
  if (keyring === undefined || slot === undefined) throw new Error(`no key slot for ${username}`);
  const dataKey = await unwrapDataKey(keyring, slot, passphrase);
  const secret = await unwrapUserPrivateKey(keyring, slot, passphrase);
  const signingKey = signingKeyFromSlotSecret(secret);
  secret.fill(0);
  return {
    /** Their own Ed25519 signing key (their passphrase unwraps it), as a role signer: what they can sign with. */
    signer: { userId: slot.userId, key: signingKey },
    /** Runs `work` on the raw store, then closes it (WAL folded in). */
    edit<T>(work: (database: Database.Database) => T): T {
      const database = new Database(paths.database, { fileMustExist: true });
      try {
        database.pragma("cipher='sqlcipher'");
        database.pragma('legacy=4');
        database.pragma(`key="x'${dataKey.toString('hex')}'"`);
        return work(database);
      } finally {
        database.pragma('wal_checkpoint(TRUNCATE)');
        database.close();
      }
    },
    /** The keyring file as JSON, changed by `change` and written back (it is a plain file in the data folder). */
    editKeyring(change: (keyring: Keyring) => Keyring): void {
      const current = JSON.parse(readFileSync(paths.keyring, 'utf8')) as Keyring;
      const text = `${JSON.stringify(change(current), null, 2)}\n`;
      writeFileSync(paths.keyring, text);
      writeFileSync(path.join(paths.dataDir, KEYRING_COPY_FILE_NAME), text);
    },
  };
}
