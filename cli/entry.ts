import { describeCliError, runCli } from './main';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeCliError(error));
    process.exit(1);
  },
);
