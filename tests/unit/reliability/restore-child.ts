/**
 * The child process of the restore crash test: restores a backup into a data folder the way the
 * CLI does (holding the folder's lock), printing each journaled step as it completes, and kills
 * itself with SIGKILL right after step number `killAfter` (none when -1): a real crash between
 * two file moves.
 * Usage: node --import tsx restore-child.ts <dataDir> <backupFile> <username> <passphrase> <killAfter>
 */
import { storePaths } from '../../../db/store-paths';
import { withDataFolderLock } from '../../../services/data-folder-lock';
import { restoreBackup } from '../../../services/security/backup-service';
import { testClock } from '../../support/test-clock';

const [dataDir, backupFile, username, passphrase, killAfterText] = process.argv.slice(2);
if (
  dataDir === undefined ||
  backupFile === undefined ||
  username === undefined ||
  passphrase === undefined ||
  killAfterText === undefined
) {
  process.stderr.write('usage: restore-child <dataDir> <backupFile> <username> <passphrase> <killAfter>\n');
  process.exit(64);
}
const killAfter = Number(killAfterText);
const now = testClock()();
let done = 0;
await withDataFolderLock(dataDir, 'cli restore', now, () =>
  restoreBackup(storePaths(dataDir), backupFile, username, passphrase, now, undefined, (step) => {
    process.stdout.write(`step ${step}\n`);
    if (done === killAfter) process.kill(process.pid, 'SIGKILL');
    done += 1;
  }),
);
process.stdout.write('restored\n');
