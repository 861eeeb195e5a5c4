import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/app-error';

/**
 * The keyring: the store's random data key wrapped once per user. Each slot derives a key from the
 * user's passphrase with scrypt and wraps the data key with AES-256-GCM; the GCM tag both protects
 * the wrapped key and tells a wrong passphrase from a damaged file. The file holds no clinical data.
 */

/** The scrypt cost every new slot uses (128 MiB, about 0.3 s here). */
export const SCRYPT_PARAMETERS = { N: 2 ** 17, r: 8, p: 1 } as const;

/** Anything cheaper than this is refused on read: a tampered keyring must not downgrade the KDF. */
const MINIMUM_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Anything dearer is refused too, so a tampered file cannot hang the app. */
const MAXIMUM_SCRYPT = { N: 2 ** 21, r: 32, p: 16 } as const;

export const DATA_KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const base64Bytes = (bytes: number) =>
  z.base64().refine((value) => Buffer.from(value, 'base64').length === bytes, `must be ${bytes} bytes`);

const keySlotSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  kdf: z.strictObject({
    algorithm: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: base64Bytes(SALT_BYTES),
  }),
  cipher: z.strictObject({
    algorithm: z.literal('aes-256-gcm'),
    iv: base64Bytes(IV_BYTES),
    tag: base64Bytes(TAG_BYTES),
    wrappedKey: base64Bytes(DATA_KEY_BYTES),
  }),
});
export type KeySlot = z.infer<typeof keySlotSchema>;

const keyringSchema = z.strictObject({
  format: z.literal('workwell-mdt-keyring'),
  version: z.literal(1),
  storeId: z.uuid(),
  partnershipName: z.string().min(1).max(200),
  isDemo: z.boolean(),
  createdAt: z.string(),
  slots: z.array(keySlotSchema).min(1).max(500),
});
export type Keyring = z.infer<typeof keyringSchema>;

function scrypt(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r or node refuses the parameters.
    const maxmem = 256 * (options.N ?? 1) * (options.r ?? 1);
    scryptCallback(passphrase.normalize('NFC'), salt, DATA_KEY_BYTES, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Additional data bound into every slot, so a slot cannot be moved to another store or user. */
function slotAad(storeId: string, userId: string): Buffer {
  return Buffer.from(`workwell-mdt:${storeId}:${userId}`, 'utf8');
}

function assertParametersNotWeakened(slot: KeySlot): void {
  const { N, r, p } = slot.kdf;
  const isPowerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N < MINIMUM_SCRYPT.N || r < MINIMUM_SCRYPT.r || p < MINIMUM_SCRYPT.p) {
    throw new AppError('KEYRING_WEAKENED', 'The keyring has been altered to use weaker protection. It was not used. Restore it from a backup.');
  }
  if (N > MAXIMUM_SCRYPT.N || r > MAXIMUM_SCRYPT.r || p > MAXIMUM_SCRYPT.p) {
    throw new AppError('KEYRING_INVALID', 'The keyring asks for unreasonable key-derivation settings. It was not used.');
  }
}

/** Makes a new slot that wraps `dataKey` under `passphrase`. */
export async function createKeySlot(options: {
  storeId: string;
  userId: string;
  username: string;
  passphrase: string;
  dataKey: Buffer;
}): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const wrappingKey = await scrypt(options.passphrase, salt, SCRYPT_PARAMETERS);
  try {
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(slotAad(options.storeId, options.userId));
    const wrappedKey = Buffer.concat([cipher.update(options.dataKey), cipher.final()]);
    return {
      userId: options.userId,
      username: options.username,
      kdf: { algorithm: 'scrypt', ...SCRYPT_PARAMETERS, salt: salt.toString('base64') },
      cipher: {
        algorithm: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        wrappedKey: wrappedKey.toString('base64'),
      },
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * Unwraps the data key from a slot. A wrong passphrase fails the GCM tag check and becomes
 * WRONG_PASSPHRASE; the caller owns the returned buffer and should zero it when done.
 */
export async function unwrapDataKey(keyring: Keyring, slot: KeySlot, passphrase: string): Promise<Buffer> {
  assertParametersNotWeakened(slot);
  const { N, r, p } = slot.kdf;
  const wrappingKey = await scrypt(passphrase, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.cipher.iv, 'base64'));
    decipher.setAAD(slotAad(keyring.storeId, slot.userId));
    decipher.setAuthTag(Buffer.from(slot.cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.cipher.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');
  } finally {
    wrappingKey.fill(0);
  }
}

export function findSlot(keyring: Keyring, username: string): KeySlot | undefined {
  return keyring.slots.find((slot) => slot.username === username);
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** Reads and validates the keyring; undefined when there is none yet (first run). */
export async function readKeyring(file: string): Promise<Keyring | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('KEYRING_INVALID', 'The keyring file cannot be read. Check the folder permissions.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('KEYRING_INVALID', 'The keyring file is damaged. Restore it from a backup.');
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('KEYRING_INVALID', 'The keyring file is not in the expected format. Restore it from a backup.');
  }
  for (const slot of parsed.data.slots) assertParametersNotWeakened(slot);
  return parsed.data;
}

/**
 * Writes the keyring atomically: a temporary file in the same folder, flushed, then renamed over
 * the old one, so a crash never leaves half a keyring.
 */
export async function writeKeyring(file: string, keyring: Keyring): Promise<void> {
  const valid = keyringSchema.parse(keyring);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(valid, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
