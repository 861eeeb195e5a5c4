import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { MAX_IMPORT_CHARACTERS } from '../../core/schemas/referral-inbox';
import { appChannelRule, runAsUser, type CliCaller } from '../session/cli-dispatch';
import { importReferrals } from './referral-inbox-service';

export interface ImportCommandOptions extends CliCaller {
  readonly format: 'csv' | 'fhir';
  readonly file: string;
}

/**
 * `workwell-mdt import`: reads a referral CSV or FHIR bundle and adds it to the inbox as the named
 * user, under the app's `referrals.import` rules (coordinators and coaches; audited as theirs,
 * `via: cli`). Refused rows or entries come back with their place and reason; the rest are added.
 */
export async function importCommand(options: ImportCommandOptions): Promise<ChannelOutput<'referrals.import'>> {
  const size = await stat(options.file).catch(() => {
    throw new AppError('VALIDATION', `Cannot read ${options.file}: no such file. Nothing was imported.`);
  });
  // Checked before reading, so a wrong file (a disk image) is refused without filling memory.
  if (!size.isFile() || size.size > MAX_IMPORT_CHARACTERS * 4)
    throw new AppError('VALIDATION', `${options.file} is not a referral file of 20 MB or less. Nothing was imported.`);
  const text = await readFile(options.file, 'utf8');
  return runAsUser(options, appChannelRule('referrals.import'), { format: options.format, text }, async (parsed, session) => {
    const { store, user } = session.require();
    return importReferrals(store, parsed as ParsedInput<'referrals.import'>, user.userId, options.now());
  });
}
