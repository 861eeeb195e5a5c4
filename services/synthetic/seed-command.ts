import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { CONFIG_ROLES } from '../../core/contracts/channel-roles';
import { readKeyring } from '../../db/keyring';
import { storePaths } from '../../db/store-paths';
import { runAsUser, type CliRule } from '../session/cli-dispatch';
import { seedOpenStore, type SeedOptions } from '../session/store-commands';

const seedInputSchema = z.strictObject({
  participants: z.number().int().min(0).max(1_000_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
});

/**
 * The app has no screen that makes people up, so `seed` has its own rule: an administrator's task
 * (it adds a synthetic team as well as people), audited as a `create` on the channel `cli.seed`.
 */
const SEED_RULE: CliRule = {
  channel: 'cli.seed',
  definition: { access: CONFIG_ROLES, input: seedInputSchema, audit: { action: 'create' } },
};

/**
 * `workwell-mdt seed`: adds synthetic people with case histories, as an administrator, only to a
 * store that holds nothing else: the demo, or one made with `init --synthetic` (the keyring says
 * which). Made-up people must never sit among real ones, where reports would count them.
 */
export async function seedCommand(options: SeedOptions): Promise<{ seconds: number }> {
  const started = performance.now();
  const paths = storePaths(options.dataDir);
  const input = { participants: options.participants, seed: options.seed };
  await runAsUser({ ...options, now: () => options.now }, SEED_RULE, input, async (parsed, session) => {
    const keyring = await readKeyring(paths.keyring);
    if (keyring?.isDemo !== true && keyring?.synthetic !== true) {
      throw new AppError(
        'VALIDATION',
        `${keyring?.partnershipName ?? 'This store'} is not a synthetic store: seed adds made-up people only to the demo or to a store made with \`workwell-mdt init --synthetic\`. Nothing was added.`,
      );
    }
    const open = session.require();
    await seedOpenStore(open.store, open.user.userId, { ...(parsed as z.infer<typeof seedInputSchema>), now: options.now });
  });
  return { seconds: (performance.now() - started) / 1000 };
}
