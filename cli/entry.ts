import { clockFromEnvironment } from '../services/clock-from-environment';
import { describeCliError, runCli } from './main';

runCli(process.argv.slice(2), console.log, clockFromEnvironment()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeCliError(error));
    process.exit(1);
  },
);
