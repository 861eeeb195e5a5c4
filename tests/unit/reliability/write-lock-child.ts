/**
 * The second process of the busy-store test: opens the store directly with the data key (as a
 * backup or sync tool might, outside the app's folder lock) and holds SQLite's write lock with
 * `BEGIN IMMEDIATE` until its stdin closes, then rolls back and exits. Prints `holding` once the
 * lock is held. Usage: node --import tsx write-lock-child.ts <dataDir> <username> <passphrase>
 */
import { findSlot, readKeyring, unwrapDataKey } from '../../../db/keyring';
import { openEncryptedDatabase } from '../../../db/open-store';
import { storePaths } from '../../../db/store-paths';

const [dataDir, username, passphrase] = process.argv.slice(2);
if (dataDir === undefined || username === undefined || passphrase === undefined) {
  process.stderr.write('usage: write-lock-child <dataDir> <username> <passphrase>\n');
  process.exit(64);
}
const paths = storePaths(dataDir);
const keyring = await readKeyring(paths.keyring);
const slot = keyring === undefined ? undefined : findSlot(keyring, username);
if (keyring === undefined || slot === undefined) {
  process.stderr.write(`no key slot for ${username}\n`);
  process.exit(1);
}
const database = openEncryptedDatabase(paths.database, await unwrapDataKey(keyring, slot, passphrase), { create: false });
database.exec('BEGIN IMMEDIATE');
process.stdout.write('holding\n');
process.stdin.resume();
process.stdin.on('end', () => {
  database.exec('ROLLBACK');
  database.close();
  process.exit(0);
});
