import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../services/app-services';
import { clockFromEnvironment } from '../services/clock-from-environment';
import { internalErrorLogLine } from '../services/internal-error-log';
import { idleLockSecondsFromEnvironment } from '../services/security/idle-lock';
import { parseHostArguments } from './host-arguments';
import { startHostServer } from './host-server';

/**
 * The loopback host: the real services and the real encrypted store behind the same contract as
 * Electron, serving the built renderer on 127.0.0.1. For machines without the Electron runtime and
 * for end-to-end tests; never packaged.
 */
async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The loopback host is a development and test tool; it does not run with NODE_ENV=production.');
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = parseHostArguments(process.argv.slice(2), {
    dataDir: path.join(root, '.workwell-dev', 'store'),
    rendererDir: path.join(root, 'dist', 'renderer'),
  });
  const services = createAppServices({
    dataDir: args.dataDir,
    program: 'host',
    // WORKWELL_CLOCK fixes the date for end-to-end tests and demos; otherwise the system clock.
    clock: clockFromEnvironment(),
    // The channel name and error class only: inputs may hold clinical data and never reach a log.
    onInternalError: (channel, error) => console.error(internalErrorLogLine(channel, error)),
  });
  const idleLockSeconds = idleLockSecondsFromEnvironment();
  const server = await startHostServer({
    dispatch: services.dispatch,
    rendererDir: args.rendererDir,
    port: args.port,
    // The page's session dies with a silence as long as the idle lock (its own default otherwise).
    ...(idleLockSeconds === undefined ? {} : { sessionIdleMs: idleLockSeconds * 1000 }),
  });

  // The stop handlers go in before the address is printed: whoever reads the address may stop the
  // host at once, and a SIGTERM that came before them would kill it without closing the store.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Stop with the parent: when started by `npm start` or a test, a closed stdin means the parent is gone.
  if (process.env.WORKWELL_HOST_EXIT_ON_STDIN_END === '1') process.stdin.on('end', () => void stop()).resume();

  // On stdout, which only the process that started the host reads (a pipe): never on a command line.
  console.log(`WorkWell MDT host listening at ${server.launchUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'The host could not start.');
  process.exit(1);
});
