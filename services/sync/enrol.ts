import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { parseKeyring, unwrapDataKey, unwrapUserPrivateKey, writeKeyring, type Keyring } from '../../db/keyring';
import { appendAuditEntry } from '../../db/repositories/audit-repository';
import { openStore } from '../../db/store';
import { storePaths } from '../../db/store-paths';
import { joinServer } from '../../db/sync/sync-state';
import { pullIntoNewStore } from './enrol-pull';
import { fetchEnrolmentSlot, signIn } from './sync-client';
import { fetchSignedRoles, withServerRoles } from './signed-roles-sync';

/** What enrolling made. */
export interface EnrolReport {
  readonly deviceId: string;
  readonly pulled: number;
  readonly referenceBlock: number;
}

/**
 * Makes a laptop store for `username` from the partnership server: fetches the user's keyring
 * slot, unwraps it here with the passphrase (which never leaves the laptop), signs in as a new
 * laptop, creates an encrypted store under the partnership's data key with a keyring holding only
 * this user's slot, and pulls everything the user's role may read.
 */
export async function enrolLaptop(options: {
  dataDir: string;
  serverUrl: string;
  username: string;
  passphrase: string;
  clock: Clock;
}): Promise<EnrolReport> {
  const paths = storePaths(options.dataDir);
  if (existsSync(paths.database) || existsSync(paths.keyring))
    throw new AppError('ALREADY_SET_UP', `${paths.dataDir} already holds a store. Enrol into an empty folder.`);
  const answer = await fetchEnrolmentSlot(options.serverUrl, options.username);
  const keyring: Keyring = parseKeyring({ format: 'workwell-mdt-keyring', version: 1, ...answer.keyring, slots: [answer.slot] });
  const slot = keyring.slots[0]!;
  if (slot.publicKey === undefined)
    throw new AppError('KEYRING_INVALID', 'This user must unlock the app once on their own laptop before enrolling another.');
  const privateKey = await unwrapUserPrivateKey(keyring, slot, options.passphrase);
  const dataKey = await unwrapDataKey(keyring, slot, options.passphrase);
  try {
    const deviceId = randomUUID();
    const session = await signIn(options.serverUrl, {
      username: options.username,
      deviceId,
      privateKey,
      publicKey: Buffer.from(slot.publicKey, 'base64'),
    });
    await mkdir(paths.dataDir, { recursive: true });
    const store = await openStore(paths.database, dataKey, { create: true });
    try {
      joinServer(store, {
        serverUrl: options.serverUrl,
        deviceId,
        userId: session.user.userId,
        username: options.username,
        cursor: '0',
        referenceBlock: session.referenceBlock,
        joinedAt: options.clock().toISOString(),
      });
      const pulled = await pullIntoNewStore(store, options.serverUrl, session.token);
      // The new store's own trail begins with who made it: the server checked them (their key pair
      // answered its challenge; a revoked user or laptop is refused there), so no local role check applies.
      appendAuditEntry(store, {
        at: options.clock().toISOString(),
        userId: session.user.userId,
        username: options.username,
        action: 'create',
        channel: 'cli.enrol',
        participantId: null,
        subjectJson: JSON.stringify({ via: 'cli', deviceId }),
        outcome: 'ok',
      });
      // With the other users' public slots: an administrator enrolled here can sign roles before the first sync.
      await writeKeyring(paths.keyring, withServerRoles(keyring, await fetchSignedRoles(options.serverUrl, session.token)).keyring);
      return { deviceId, pulled, referenceBlock: session.referenceBlock };
    } finally {
      await store.close();
    }
  } finally {
    privateKey.fill(0);
    dataKey.fill(0);
  }
}
