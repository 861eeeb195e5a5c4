import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { AppError } from '../../core/app-error';
import { pilotAreaName } from '../../core/icb-areas';
import { AUDIT_GENESIS_HASH } from '../../core/audit-entry-canonical';
import { roleSchema, type Role } from '../../core/roles';
import type { SignedInUser } from '../../core/schemas/session';
import { setAuditSigner } from '../../db/audit-signer';
import {
  RECOVERY_SLOT_ID,
  createKeySlot,
  createKeySlotAndSigningKey,
  newDataKey,
  readKeyring,
  writeKeyring,
  type Keyring,
} from '../../db/keyring';
import { signRoleAssignment } from '../../db/role-assignment';
import type { SigningKey } from '../../db/signing-key';
import { insertPartnership } from '../../db/repositories/partnership-repository';
import { insertUser } from '../../db/repositories/user-repository';
import { openStore, type Store } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import { interruptedRestoreTraces } from '../security/restore-journal';

export interface NewPartnership {
  readonly name: string;
  readonly icbCode: string | null;
  readonly isDemo: boolean;
  /** A store for synthetic people only (`init --synthetic`): recorded in the keyring for `seed`. */
  readonly synthetic?: boolean;
  readonly admin: NewUser;
  /** More users to create at the same time (the demo partnership has one per role). */
  readonly otherUsers?: ReadonlyArray<NewUser & { readonly role: Role }>;
  /** The recovery key (normalised) that also unwraps the data key; shown once by the caller. */
  readonly recoveryKey?: string;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passphrase: string;
}

/** The name and ICB code a setup choice gives: "WorkWell <area>" for a pilot area, else the name typed. */
export function partnershipIdentity(choice: { kind: 'pilot'; icbCode: string } | { kind: 'custom'; name: string }): {
  name: string;
  icbCode: string | null;
} {
  return choice.kind === 'pilot'
    ? { name: `WorkWell ${pilotAreaName(choice.icbCode) ?? choice.icbCode}`, icbCode: choice.icbCode }
    : { name: choice.name, icbCode: null };
}

/**
 * Creates a partnership's encrypted store and keyring with its first administrator, returning the
 * open store. All or nothing: if any step fails, the files made so far are removed.
 */
export async function createPartnershipStore(
  paths: StorePaths,
  partnership: NewPartnership,
  now: Date,
): Promise<{ store: Store; user: SignedInUser; keyring: Keyring; dataKey: Buffer; signingKey: SigningKey }> {
  if ((await readKeyring(paths.keyring)) !== undefined) {
    throw new AppError('ALREADY_SET_UP', 'A partnership is already set up in this data folder.');
  }
  // A store (or replaced files) without a keyring: never start an empty record over the real one.
  const traces = interruptedRestoreTraces(paths);
  if (traces.length > 0) {
    throw new AppError(
      'ALREADY_SET_UP',
      `This data folder holds an interrupted restore (${traces.join(', ')}). Finish the restore from the backup instead of setting up a new partnership.`,
    );
  }
  await fs.mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  const storeId = randomUUID();
  const userId = randomUUID();
  const role: Role = 'administrator';
  const createdAt = now.toISOString();
  const dataKey = newDataKey();
  let store: Store | undefined;
  try {
    store = await openStore(paths.database, dataKey, { create: true });
    const db = store.db;
    await db.transaction().execute(async (trx) => {
      await insertPartnership(trx, {
        id: storeId,
        name: partnership.name,
        icb_code: partnership.icbCode,
        is_demo: partnership.isDemo ? 1 : 0,
        created_at: createdAt,
      });
      await insertUser(trx, {
        id: userId,
        username: partnership.admin.username,
        display_name: partnership.admin.displayName,
        role,
        created_at: createdAt,
        disabled_at: null,
      });
    });
    const others = (partnership.otherUsers ?? []).map((user) => ({ ...user, id: randomUUID() }));
    for (const other of others) {
      await insertUser(db, {
        id: other.id,
        username: other.username,
        display_name: other.displayName,
        role: other.role,
        created_at: createdAt,
        disabled_at: null,
      });
    }
    // The first administrator trusts their own key; everyone else is made trusting it, and each
    // role is signed by it (db/role-assignment.ts).
    const admin = await createKeySlotAndSigningKey({
      storeId,
      userId,
      username: partnership.admin.username,
      passphrase: partnership.admin.passphrase,
      dataKey,
      trust: { administrators: [], self: true },
    });
    const adminKey = { userId, signingPublicKey: admin.signingKey.publicKey.toString('base64') };
    const otherSlots = await Promise.all(
      others.map((other) =>
        createKeySlot({
          storeId,
          userId: other.id,
          username: other.username,
          passphrase: other.passphrase,
          dataKey,
          trust: { administrators: [adminKey] },
        }),
      ),
    );
    const signer = { userId, key: admin.signingKey };
    const slots = [
      { ...admin.slot, role: signRoleAssignment(storeId, signer, admin.slot, role, 1) },
      ...otherSlots.map((slot, index) => ({
        ...slot,
        role: signRoleAssignment(storeId, signer, slot, roleSchema.parse(others[index]?.role), 1),
      })),
    ];
    const recovery =
      partnership.recoveryKey === undefined
        ? undefined
        : await createKeySlot({
            storeId,
            userId: RECOVERY_SLOT_ID,
            username: RECOVERY_SLOT_ID,
            passphrase: partnership.recoveryKey,
            dataKey,
          });
    const keyring: Keyring = {
      format: 'workwell-mdt-keyring',
      version: 1,
      storeId,
      partnershipName: partnership.name,
      isDemo: partnership.isDemo,
      ...(partnership.synthetic === true ? { synthetic: true as const } : {}),
      createdAt,
      slots,
      ...(recovery === undefined ? {} : { recovery }),
      auditHead: { seq: 0, hash: AUDIT_GENESIS_HASH, signedFrom: 1 },
    };
    await writeKeyring(paths.keyring, keyring);
    setAuditSigner(store, { userId, key: admin.signingKey, keyringFile: paths.keyring });
    return {
      store,
      user: { userId, username: partnership.admin.username, displayName: partnership.admin.displayName, role },
      keyring,
      signingKey: admin.signingKey,
      // The session holds its own copy; this one is zeroed below.
      dataKey: Buffer.from(dataKey),
    };
  } catch (error) {
    await store?.close().catch(() => undefined);
    await removeStoreFiles(paths);
    throw error;
  } finally {
    dataKey.fill(0);
  }
}

async function removeStoreFiles(paths: StorePaths): Promise<void> {
  for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keyring]) {
    await fs.rm(file, { force: true });
  }
}
