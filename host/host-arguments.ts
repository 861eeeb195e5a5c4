import { parseArgs } from 'node:util';

export interface HostArguments {
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly port: number;
}

/** Reads `--data-dir`, `--renderer-dir` and `--port`. No secret ever travels in argv. */
export function parseHostArguments(argv: readonly string[], defaults: { dataDir: string; rendererDir: string }): HostArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      port: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a whole number from 0 to 65535');
  return {
    dataDir: values['data-dir'] ?? defaults.dataDir,
    rendererDir: values['renderer-dir'] ?? defaults.rendererDir,
    port,
  };
}
