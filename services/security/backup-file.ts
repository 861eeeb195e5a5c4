import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { withAuditHead } from '../../db/audit-head';
import { findSlot, parseKeyring, unwrapDataKey, type Keyring } from '../../db/keyring';
import { forgetUnfinishedFiles, recordUnfinishedFiles } from '../../db/repositories/unfinished-file-repository';
import { appliedMigrationNames } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { copyStoreInto, storeFilePassesQuickCheck } from '../../db/repositories/store-file-repository';
import type { Store } from '../../db/store';

/**
 * One backup file: the encrypted store (a `VACUUM INTO` copy, so still SQLCipher-encrypted under
 * the data key), the keyring that unwraps it, and an HMAC-SHA256 over everything, keyed from the
 * data key, so any change to the file (header, keyring or store) is found before it is restored.
 *
 *   "WWMDTBAK" | header length (u32 BE) | header JSON | store bytes | HMAC (32 bytes)
 */
const MAGIC = Buffer.from('WWMDTBAK', 'latin1');
const MAC_BYTES = 32;
const CHUNK = 1024 * 1024;

const headerSchema = z.strictObject({
  format: z.literal('workwell-mdt-backup'),
  version: z.literal(1),
  madeAt: z.string(),
  partnershipName: z.string(),
  /** The migrations applied to the store: a backup with one this code does not know is from a newer version. */
  migrations: z.array(z.string()).max(1000),
  databaseBytes: z.number().int().nonnegative(),
  keyring: z.unknown(),
});

function macKey(dataKey: Buffer, storeId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(storeId, 'utf8'), 'workwell-mdt backup mac', 32));
}

/**
 * Writes a backup of the open store to `file` (atomically: a temporary file beside it, renamed
 * when complete). The store stays open and usable: `VACUUM INTO` is a consistent snapshot.
 */
export async function writeBackupFile(options: {
  store: Pick<Store, 'db' | 'sqlite'>;
  dataKey: Buffer;
  keyring: Keyring;
  file: string;
  madeAt: string;
}): Promise<{ bytes: number }> {
  const { store, dataKey, file } = options;
  // The trail's head travels in the header's keyring: a restore brings it back with the store.
  const keyring = withAuditHead(options.keyring, store);
  const folder = path.dirname(file);
  const suffix = randomBytes(6).toString('hex');
  const snapshot = path.join(folder, `.${path.basename(file)}.${suffix}.store.tmp`);
  const temporary = path.join(folder, `.${path.basename(file)}.${suffix}.tmp`);
  // Listed before they exist, so a backup killed half-way leaves nothing for good (unfinished-files.ts).
  const scratch = [snapshot, `${snapshot}-journal`, temporary];
  recordUnfinishedFiles(
    store,
    scratch.map((each) => ({ path: each, kind: 'backup', destination: '', userId: null, username: null, startedAt: options.madeAt })),
  );
  try {
    // The copy is encrypted like the store.
    copyStoreInto(store, snapshot);
    const databaseBytes = (await fs.stat(snapshot)).size;
    const migrations = await appliedMigrationNames(store.db);
    const header = Buffer.from(
      JSON.stringify({
        format: 'workwell-mdt-backup',
        version: 1,
        madeAt: options.madeAt,
        partnershipName: keyring.partnershipName,
        migrations,
        databaseBytes,
        keyring,
      }),
      'utf8',
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const key = macKey(dataKey, keyring.storeId);
    const mac = createHmac('sha256', key);
    key.fill(0);
    const out = await fs.open(temporary, 'wx', 0o600);
    try {
      for (const part of [MAGIC, length, header]) {
        mac.update(part);
        await out.write(part);
      }
      const input = await fs.open(snapshot, 'r');
      try {
        const buffer = Buffer.alloc(CHUNK);
        for (;;) {
          const { bytesRead } = await input.read(buffer, 0, CHUNK);
          if (bytesRead === 0) break;
          mac.update(buffer.subarray(0, bytesRead));
          await out.write(buffer.subarray(0, bytesRead));
        }
      } finally {
        await input.close();
      }
      await out.write(mac.digest());
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.rename(temporary, file);
    return { bytes: (await fs.stat(file)).size };
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new AppError('VALIDATION', 'That folder does not exist.', { path: 'Choose a folder that exists' });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new AppError('VALIDATION', 'That folder cannot be written.', { path: 'Choose a folder you can write to' });
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new AppError('DISK_FULL', 'The disk is full. The backup was not made.');
    throw error;
  } finally {
    await fs.rm(snapshot, { force: true });
    try {
      forgetUnfinishedFiles(store, scratch);
    } catch {
      // Still listed: the next unlock finds none of them there and forgets them then.
    }
  }
}

const invalid = () =>
  new AppError(
    'BACKUP_INVALID',
    'This file is not a WorkWell MDT backup, or it has been changed or damaged since it was made. Nothing was restored.',
  );

/** A backup whose MAC, keyring and schema have been checked, with its store still in the file. */
export interface CheckedBackup {
  readonly keyring: Keyring;
  readonly madeAt: string;
  readonly file: string;
  readonly databaseOffset: number;
  readonly databaseBytes: number;
  /** The data key the passphrase unwrapped; the caller zeroes it. */
  readonly dataKey: Buffer;
}

/**
 * Checks a backup file with a user's passphrase: the layout, the passphrase (against the backup's
 * own keyring), the MAC over the whole file, then the schema (refusing a newer one).
 */
export async function checkBackupFile(file: string, username: string, passphrase: string): Promise<CheckedBackup> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    throw new AppError('VALIDATION', 'That backup file cannot be opened.', { path: 'Enter the full path of a backup file' });
  }
  try {
    const size = (await handle.stat()).size;
    const start = Buffer.alloc(12);
    if (size < 12 + MAC_BYTES || (await handle.read(start, 0, 12, 0)).bytesRead !== 12 || !start.subarray(0, 8).equals(MAGIC))
      throw invalid();
    const headerLength = start.readUInt32BE(8);
    if (headerLength > 10 * 1024 * 1024 || 12 + headerLength + MAC_BYTES > size) throw invalid();
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, 12);
    let header: z.infer<typeof headerSchema>;
    let keyring: Keyring;
    try {
      header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
      keyring = parseKeyring(header.keyring);
    } catch {
      throw invalid();
    }
    const databaseOffset = 12 + headerLength;
    if (databaseOffset + header.databaseBytes + MAC_BYTES !== size) throw invalid();
    const slot = findSlot(keyring, username);
    if (slot === undefined) throw new AppError('WRONG_PASSPHRASE', 'That username and passphrase do not open this backup.');
    const dataKey = await unwrapDataKey(keyring, slot, passphrase);
    try {
      const key = macKey(dataKey, keyring.storeId);
      const mac = createHmac('sha256', key);
      key.fill(0);
      const buffer = Buffer.alloc(CHUNK);
      let position = 0;
      const end = size - MAC_BYTES;
      while (position < end) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
        if (bytesRead === 0) throw invalid();
        mac.update(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
      const stored = Buffer.alloc(MAC_BYTES);
      await handle.read(stored, 0, MAC_BYTES, end);
      if (!timingSafeEqual(stored, mac.digest())) throw invalid();
      const unknown = header.migrations.filter((name) => !(name in MIGRATIONS));
      if (unknown.length > 0) {
        throw new AppError(
          'STORE_FROM_FUTURE',
          'This backup was made by a newer version of WorkWell MDT. Update the app, then restore it. Nothing was restored.',
        );
      }
      return { keyring, madeAt: header.madeAt, file, databaseOffset, databaseBytes: header.databaseBytes, dataKey };
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
  } finally {
    await handle.close();
  }
}

/** Copies the checked backup's store to `target` and proves it opens with the key and passes a quick check. */
export async function extractBackupStore(backup: CheckedBackup, target: string): Promise<void> {
  const input = await fs.open(backup.file, 'r');
  const out = await fs.open(target, 'wx', 0o600);
  try {
    const buffer = Buffer.alloc(CHUNK);
    let copied = 0;
    while (copied < backup.databaseBytes) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, backup.databaseBytes - copied), backup.databaseOffset + copied);
      if (bytesRead === 0) throw invalid();
      await out.write(buffer.subarray(0, bytesRead));
      copied += bytesRead;
    }
    await out.sync();
  } finally {
    await out.close();
    await input.close();
  }
  if (!storeFilePassesQuickCheck(target, backup.dataKey)) throw invalid();
}
