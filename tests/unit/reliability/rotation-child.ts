/**
 * The child process of the rotation kill test: unlocks a store through the real services, says
 * `ready`, rotates the data key, and says `rotated <milliseconds>` when the rotation returned.
 * The parent kills it with SIGKILL at a random moment of the rotation.
 * Usage: node --import tsx rotation-child.ts <dataDir> <username> <passphrase>
 */
import { createAppServices } from '../../../services/app-services';
import { testClock } from '../../support/test-clock';

const [dataDir, username, passphrase] = process.argv.slice(2);
if (dataDir === undefined || username === undefined || passphrase === undefined) {
  process.stderr.write('usage: rotation-child <dataDir> <username> <passphrase>\n');
  process.exit(64);
}

const services = createAppServices({ clock: testClock(), dataDir });
const unlocked = await services.dispatch('session.unlock', { username, passphrase });
if (!unlocked.ok) {
  process.stderr.write(`unlock failed: ${unlocked.error.code} ${unlocked.error.message}\n`);
  process.exit(1);
}
process.stdout.write('ready\n');
const started = performance.now();
const rotated = await services.dispatch('security.rotateDataKey', { confirm: true });
if (!rotated.ok) {
  process.stderr.write(`rotation failed: ${rotated.error.code} ${rotated.error.message}\n`);
  process.exit(1);
}
process.stdout.write(`rotated ${Math.round(performance.now() - started)}\n`);
await services.close();
