import { AppError } from '../../core/app-error';
import { fieldErrors } from '../../core/field-errors';
import { formatRecoveryKey } from '../../core/recovery-key';
import { createPartnershipInputSchema } from '../../core/schemas/session';
import { readKeyring } from '../../db/keyring';
import { withBulkLoadSettings } from '../../db/repositories/bulk-load-repository';
import type { Store } from '../../db/store';
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
  /** A store for synthetic people only (`init --synthetic`), which `seed` may fill. */
  synthetic?: boolean;
  now: Date;
}): Promise<{ partnershipName: string; username: string; recoveryKey: string }> {
  const parsed = createPartnershipInputSchema.safeParse({ partnership: options.partnership, admin: options.admin });
  if (!parsed.success) throw new AppError('VALIDATION', 'Some answers need correcting.', fieldErrors(parsed.error));
  const { partnership, admin } = parsed.data;
  const identity = partnershipIdentity(partnership);
  const recoveryKey = newRecoveryKey();
  const created = await createPartnershipStore(
    storePaths(options.dataDir),
    { ...identity, isDemo: false, synthetic: options.synthetic === true, admin, recoveryKey },
    options.now,
  );
  created.dataKey.fill(0);
  await created.store.close();
  return { partnershipName: identity.name, username: created.user.username, recoveryKey: formatRecoveryKey(recoveryKey) };
}

/** What to seed, into which store, as whom. */
export interface SeedOptions {
  readonly dataDir: string;
  readonly username?: string | undefined;
  readonly passphrase: string;
  readonly participants: number;
  readonly seed: number;
  readonly now: Date;
}

/**
 * Adds synthetic participants with their case histories (unless `peopleOnly`), unlocking with a
 * user's passphrase; returns how long it took. For tests and benchmarks, which make their own
 * throwaway stores: the `seed` command is `seedCommand`, under the rules every command keeps.
 */
export async function seedStore(options: SeedOptions & { peopleOnly?: boolean }): Promise<{ seconds: number; username: string }> {
  const paths = storePaths(options.dataDir);
  const username = options.username ?? (await onlyUsername(paths.keyring));
  const started = performance.now();
  const { store, dataKey, user } = await unlockStore(paths, username, options.passphrase);
  dataKey.fill(0);
  try {
    await seedOpenStore(store, user.userId, options);
  } finally {
    await store.close();
  }
  return { seconds: (performance.now() - started) / 1000, username };
}

/**
 * Adds synthetic participants with their case histories (unless `peopleOnly`) to an open store,
 * the synthetic team recorded as made by `seedUserId`.
 */
export async function seedOpenStore(
  store: Store,
  seedUserId: string,
  options: { participants: number; seed: number; now: Date; peopleOnly?: boolean },
): Promise<void> {
  const now = options.now;
  const team = options.peopleOnly === true ? undefined : await ensureSyntheticTeam(store, seedUserId, now);
  withBulkLoadSettings(store, () =>
    seedSyntheticParticipants(store, {
      participants: options.participants,
      seed: options.seed,
      now,
      ...(team === undefined ? {} : { team }),
    }),
  );
}

/** The store's only user, for commands run without --user. */
export async function onlyUsername(keyringFile: string): Promise<string> {
  const keyring = await readKeyring(keyringFile);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in that folder. Run `workwell-mdt init` first.');
  const [first, ...rest] = keyring.slots;
  if (first === undefined || rest.length > 0) throw new AppError('VALIDATION', 'This store has several users: say which with --user.');
  return first.username;
}
