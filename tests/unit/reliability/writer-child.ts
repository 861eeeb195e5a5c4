/**
 * The child process of the kill test: unlocks a store through the real services and registers
 * people one after another, printing `committed <id>` only after the services returned success
 * (the transaction is committed by then). The parent kills it with SIGKILL at a random moment.
 * Usage: node --import tsx writer-child.ts <dataDir> <username> <passphrase> <trial>
 */
import { createAppServices } from '../../../services/app-services';
import { testReferral } from '../../support/test-referral';
import { testClock } from '../../support/test-clock';

const [dataDir, username, passphrase, trial] = process.argv.slice(2);
if (dataDir === undefined || username === undefined || passphrase === undefined || trial === undefined) {
  process.stderr.write('usage: writer-child <dataDir> <username> <passphrase> <trial>\n');
  process.exit(64);
}

const services = createAppServices({ clock: testClock(), dataDir });
const unlocked = await services.dispatch('session.unlock', { username, passphrase });
if (!unlocked.ok) {
  process.stderr.write(`unlock failed: ${unlocked.error.code}\n`);
  process.exit(1);
}
process.stdout.write('ready\n');
for (let n = 0; ; n += 1) {
  const result = await services.dispatch(
    'participants.register',
    testReferral({ person: { nhsNumber: '', givenName: `Trial${trial}`, familyName: `Writer${n}` }, confirmedNotDuplicate: true }),
  );
  if (!result.ok) {
    process.stderr.write(`write failed: ${result.error.code}\n`);
    process.exit(1);
  }
  process.stdout.write(`committed ${(result.value as { id: string }).id}\n`);
}
