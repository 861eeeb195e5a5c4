import { promises as fs } from 'node:fs';

export const PASSPHRASE_ENV = 'WORKWELL_PASSPHRASE';

/**
 * The passphrase comes from a file (first line) or the WORKWELL_PASSPHRASE variable, never from
 * argv, where every user of the machine could read it in the process list.
 */
export async function readPassphrase(passphraseFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (passphraseFile !== undefined) {
    const text = await fs.readFile(passphraseFile, 'utf8');
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    if (firstLine.length === 0) throw new Error(`The passphrase file ${passphraseFile} is empty.`);
    return firstLine;
  }
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv.length > 0) return fromEnv;
  throw new Error(`Give the passphrase with --passphrase-file FILE or the ${PASSPHRASE_ENV} environment variable.`);
}
