import { AppError } from '../../core/app-error';
import { fieldErrors } from '../../core/field-errors';
import { formatRecoveryKey } from '../../core/recovery-key';
import { createPartnershipInputSchema } from '../../core/schemas/session';
import { readKeyring } from '../../db/keyring';
import { withBulkLoadSettings } from '../../db/repositories/bulk-load-repository';
import { findUserByUsername } from '../../db/repositories/user-repository';
import { storePaths } from '../../db/store-paths';
import { createPartnershipStore, partnershipIdentity } from './partnership-setup';
import { newRecoveryKey } from '../security/recovery';
import { seedSyntheticParticipants } from '../synthetic/seed-participants';
import { ensureSyntheticTeam } from '../synthetic/synthetic-team';
import { unlockStore } from './unlock-store';

/**
 * Store administration for the command line: the same services the app uses, without a session
 * that outlives the command.
 */
export async function initStore(options: {
  dataDir: string;
  partnership: { kind: 'pilot'; icbCode: string } | { kind: 'custom'; name: string };
  admin: { username: string; displayName: string; passphrase: string };
  now: Date;
}): Promise<{ partnershipName: string; username: string; recoveryKey: string }> {
  const parsed = createPartnershipInputSchema.safeParse({ partnership: options.partnership, admin: options.admin });
  if (!parsed.success) throw new AppError('VALIDATION', 'Some answers need correcting.', fieldErrors(parsed.error));
  const { partnership, admin } = parsed.data;
  const identity = partnershipIdentity(partnership);
  const recoveryKey = newRecoveryKey();
  const created = await createPartnershipStore(
    storePaths(options.dataDir),
    { ...identity, isDemo: false, admin, recoveryKey },
    options.now,
  );
  created.dataKey.fill(0);
  await created.store.close();
  return { partnershipName: identity.name, username: created.user.username, recoveryKey: formatRecoveryKey(recoveryKey) };
}

/**
 * Adds synthetic participants with their case histories (unless `peopleOnly`), unlocking with a
 * user's passphrase; returns how long it took.
 */
export async function seedStore(options: {
  dataDir: string;
  username?: string | undefined;
  passphrase: string;
  participants: number;
  seed: number;
  now: Date;
  peopleOnly?: boolean;
}): Promise<{ seconds: number; username: string }> {
  const paths = storePaths(options.dataDir);
  const username = options.username ?? (await onlyUsername(paths.keyring));
  const started = performance.now();
  const { store, dataKey } = await unlockStore(paths, username, options.passphrase);
  dataKey.fill(0);
  try {
    const now = options.now;
    const seedUserId = (await findUserByUsername(store.db, username))?.id ?? '';
    const team = options.peopleOnly === true ? undefined : await ensureSyntheticTeam(store, seedUserId, now);
    withBulkLoadSettings(store, () =>
      seedSyntheticParticipants(store, {
        participants: options.participants,
        seed: options.seed,
        now,
        ...(team === undefined ? {} : { team }),
      }),
    );
  } finally {
    await store.close();
  }
  return { seconds: (performance.now() - started) / 1000, username };
}

/** The store's only user, for commands run without --user. */
export async function onlyUsername(keyringFile: string): Promise<string> {
  const keyring = await readKeyring(keyringFile);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in that folder. Run `workwell-mdt init` first.');
  const [first, ...rest] = keyring.slots;
  if (first === undefined || rest.length > 0) throw new AppError('VALIDATION', 'This store has several users: say which with --user.');
  return first.username;
}
