import {
  createCipheriv,
  createHash,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCallback,
  type KeyObject,
  type ScryptOptions,
} from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/app-error';
import { base64Bytes, publicSlotFields, roleAssignmentSchema, type RoleAssignment } from '../core/role-assignment-schema';
import { writeFileDurablySync } from './durable-file';
import { signingKeyFromSlotSecret, type SigningKey } from './signing-key';

/**
 * The keyring: the store's random data key wrapped once per user. Each slot derives a key from the
 * user's passphrase with scrypt and wraps, with AES-256-GCM, the user's own X25519 private key; the
 * data key is sealed to that user's public key (ephemeral X25519 + HKDF + AES-256-GCM). The GCM tag
 * both protects the wrapped key and tells a wrong passphrase from a damaged file.
 *
 * Why two layers: an administrator who holds the data key can seal a NEW data key to every user's
 * public key (rotation) without knowing anyone's passphrase, while a revoked user who kept the old
 * data key learns nothing that opens the new one. A slot written before this scheme ("legacy": no
 * `publicKey`) wraps the data key directly and is upgraded the next time its user unlocks.
 * The file holds no clinical data.
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

const anchorKeySchema = z.strictObject({ userId: z.string().min(1).max(64), signingPublicKey: base64Bytes(32) });
export type AnchorKey = z.infer<typeof anchorKeySchema>;

export type { RoleAssignment };

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
  /** The user's X25519 public key (raw, 32 bytes); absent on a legacy slot. */
  publicKey: base64Bytes(32).optional(),
  /** The data key sealed to `publicKey`; absent on a legacy slot. */
  sealedDataKey: z
    .strictObject({
      ephemeralPublicKey: base64Bytes(32),
      iv: base64Bytes(IV_BYTES),
      tag: base64Bytes(TAG_BYTES),
      wrappedKey: base64Bytes(DATA_KEY_BYTES),
    })
    .optional(),
  /** The user's Ed25519 public key (db/signing-key.ts: derived from the slot's X25519 private key). */
  signingPublicKey: base64Bytes(32).optional(),
  /**
   * The administrators' signing keys this user trusts, bound into the slot's passphrase layer (its
   * AES-GCM additional data): changing or removing them makes the slot fail to open, so only someone
   * who knows this user's passphrase can change whom they trust. Absent on a slot made before signed roles.
   */
  anchor: z.strictObject({ administrators: z.array(anchorKeySchema).max(100) }).optional(),
  /** The user's role, signed by an administrator (db/role-assignment.ts). */
  role: roleAssignmentSchema.optional(),
});
export type KeySlot = z.infer<typeof keySlotSchema>;

const keyringSchema = z.strictObject({
  format: z.literal('workwell-mdt-keyring'),
  version: z.literal(1),
  storeId: z.uuid(),
  partnershipName: z.string().min(1).max(200),
  isDemo: z.boolean(),
  /**
   * Made with `workwell-mdt init --synthetic`: a store for made-up people only, so `seed` may add
   * more (as it may to the demo). Absent on a store for real people, which `seed` refuses.
   */
  synthetic: z.literal(true).optional(),
  createdAt: z.string(),
  slots: z.array(keySlotSchema).min(1).max(500),
  /** The recovery key's slot (same scheme, userId `recovery`); absent until one is made. */
  recovery: keySlotSchema.optional(),
  /**
   * The audit trail's latest entry as last seen by the app (sequence and hash), kept outside the store
   * so entries cut from its end are reported; `signedFrom` is the first entry that had to be signed.
   */
  auditHead: z
    .strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/), signedFrom: z.number().int().min(1) })
    .optional(),
  /**
   * The highest version of each user's signed role the partnership server has handed this laptop
   * (services/sync/signed-roles-sync.ts): a slot holding an older assignment was rolled back.
   */
  roleVersionsSeen: z.record(z.string().min(1).max(64), z.number().int().min(1)).optional(),
  /**
   * The public parts of other current users' slots (held on other laptops: an enrolled laptop holds
   * only its own user's), with their latest signed role, as the partnership server handed them and
   * checked here (services/sync/signed-roles-sync.ts): what an administrator's role assignment signs
   * over, so an administrator can sign a role on a laptop that does not hold the user's slot.
   */
  publicSlots: z
    .array(z.strictObject({ ...publicSlotFields, role: roleAssignmentSchema }))
    .max(5000)
    .optional(),
  /** Signing keys of slots since replaced or revoked, with their signed roles: their audit entries stay checkable. */
  formerSigningKeys: z
    .array(
      z.strictObject({
        userId: z.string().min(1).max(64),
        username: z.string().min(1).max(64),
        publicKey: base64Bytes(32),
        signingPublicKey: base64Bytes(32),
        role: roleAssignmentSchema.optional(),
      }),
    )
    .max(5000)
    .optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;
/** Another user's slot as far as it is public (Keyring.publicSlots). */
export type PublicSlot = NonNullable<Keyring['publicSlots']>[number];

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

/** The passphrase layer's additional data: also binds the slot's trusted administrators' keys, when it has them. */
function passphraseLayerAad(storeId: string, userId: string, anchor: KeySlot['anchor']): Buffer {
  if (anchor === undefined) return slotAad(storeId, userId);
  const keys = anchor.administrators.map((each) => `${each.userId}=${each.signingPublicKey}`).sort();
  const digest = createHash('sha256').update(JSON.stringify(keys), 'utf8').digest('hex');
  return Buffer.from(`workwell-mdt:${storeId}:${userId}:anchor:${digest}`, 'utf8');
}

function assertParametersNotWeakened(slot: KeySlot): void {
  const { N, r, p } = slot.kdf;
  const isPowerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N < MINIMUM_SCRYPT.N || r < MINIMUM_SCRYPT.r || p < MINIMUM_SCRYPT.p) {
    throw new AppError(
      'KEYRING_WEAKENED',
      'The keyring has been altered to use weaker protection. It was not used. Restore it from a backup.',
    );
  }
  if (N > MAXIMUM_SCRYPT.N || r > MAXIMUM_SCRYPT.r || p > MAXIMUM_SCRYPT.p) {
    throw new AppError('KEYRING_INVALID', 'The keyring asks for unreasonable key-derivation settings. It was not used.');
  }
}

/** The user id bound into the recovery key's slot. */
export const RECOVERY_SLOT_ID = 'recovery';

function rawPublicKey(key: KeyObject): Buffer {
  const x = key.export({ format: 'jwk' }).x;
  if (x === undefined) throw new AppError('INTERNAL', 'The key pair could not be exported.');
  return Buffer.from(x, 'base64url');
}

function x25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function x25519PrivateKey(rawPrivate: Buffer, rawPublic: Buffer): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: rawPrivate.toString('base64url'), x: rawPublic.toString('base64url') },
    format: 'jwk',
  });
}

/** The AES key for sealing to one slot: HKDF over the X25519 secret, bound to both public keys. */
function sealingKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), 'workwell-mdt data key seal', DATA_KEY_BYTES),
  );
}

function aesGcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: string; tag: string; wrappedKey: string } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const wrapped = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrapped.toString('base64') };
}

/** Throws (GCM tag) when the key, the data or the additional data is not the one sealed. */
function aesGcmOpen(key: Buffer, sealed: { iv: string; tag: string; wrappedKey: string }, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.wrappedKey, 'base64')), decipher.final()]);
}

/**
 * Seals `dataKey` to a slot's public key. Needs no passphrase: this is how rotation re-wraps every
 * slot and how an administrator's change reaches other users' slots.
 */
export function sealDataKey(storeId: string, slot: KeySlot, dataKey: Buffer): KeySlot {
  if (slot.publicKey === undefined) throw new AppError('INTERNAL', 'A legacy key slot cannot be re-sealed without its passphrase.');
  const recipient = Buffer.from(slot.publicKey, 'base64');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519PublicKey(recipient) });
  const key = sealingKey(shared, ephemeralPublic, recipient);
  try {
    return {
      ...slot,
      sealedDataKey: { ephemeralPublicKey: ephemeralPublic.toString('base64'), ...aesGcmSeal(key, dataKey, slotAad(storeId, slot.userId)) },
    };
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}

/**
 * Makes a new slot for `passphrase` (a fresh X25519 key pair, and the Ed25519 signing key derived
 * from it) and seals `dataKey` to it. `trust` binds the administrators' signing keys the user will
 * trust ('self' adds the new user's own key: the first administrator); without it the slot trusts
 * none yet (see unlockStore's upgrade).
 */
export async function createKeySlot(options: {
  storeId: string;
  userId: string;
  username: string;
  passphrase: string;
  dataKey: Buffer;
  trust?: { administrators: readonly AnchorKey[]; self?: boolean } | undefined;
}): Promise<KeySlot> {
  return (await createKeySlotAndSigningKey(options)).slot;
}

/** createKeySlot, also giving the new slot's signing key (for the first administrator, who signs the roles). */
export async function createKeySlotAndSigningKey(
  options: Parameters<typeof createKeySlot>[0],
): Promise<{ slot: KeySlot; signingKey: SigningKey }> {
  const pair = generateKeyPairSync('x25519');
  const publicKey = rawPublicKey(pair.publicKey);
  const d = pair.privateKey.export({ format: 'jwk' }).d;
  if (d === undefined) throw new AppError('INTERNAL', 'The key pair could not be exported.');
  const privateKey = Buffer.from(d, 'base64url');
  try {
    const signingKey = signingKeyFromSlotSecret(privateKey);
    const signingPublicKey = signingKey.publicKey.toString('base64');
    const anchor =
      options.trust === undefined
        ? undefined
        : {
            administrators: uniqueAnchorKeys([
              ...options.trust.administrators,
              ...(options.trust.self === true ? [{ userId: options.userId, signingPublicKey }] : []),
            ]),
          };
    const slot = await wrapUnderPassphrase(options, privateKey, anchor);
    return {
      slot: sealDataKey(
        options.storeId,
        { ...slot, publicKey: publicKey.toString('base64'), signingPublicKey, ...(anchor === undefined ? {} : { anchor }) },
        options.dataKey,
      ),
      signingKey,
    };
  } finally {
    privateKey.fill(0);
  }
}

function uniqueAnchorKeys(keys: readonly AnchorKey[]): AnchorKey[] {
  const seen = new Set<string>();
  return keys.filter((key) => !seen.has(key.signingPublicKey) && seen.add(key.signingPublicKey) !== undefined).map((key) => ({ ...key }));
}

/** The passphrase layer of a slot: scrypt, then AES-256-GCM over `secret` (a private key, or a legacy data key). */
async function wrapUnderPassphrase(
  options: { storeId: string; userId: string; username: string; passphrase: string },
  secret: Buffer,
  anchor?: KeySlot['anchor'],
): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const wrappingKey = await scrypt(options.passphrase, salt, SCRYPT_PARAMETERS);
  try {
    return {
      userId: options.userId,
      username: options.username,
      kdf: { algorithm: 'scrypt', ...SCRYPT_PARAMETERS, salt: salt.toString('base64') },
      cipher: { algorithm: 'aes-256-gcm', ...aesGcmSeal(wrappingKey, secret, passphraseLayerAad(options.storeId, options.userId, anchor)) },
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The passphrase layer's secret; WRONG_PASSPHRASE when the GCM tag does not match. */
async function unwrapPassphraseLayer(storeId: string, slot: KeySlot, passphrase: string): Promise<Buffer> {
  assertParametersNotWeakened(slot);
  const { N, r, p } = slot.kdf;
  const wrappingKey = await scrypt(passphrase, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  try {
    return aesGcmOpen(wrappingKey, slot.cipher, passphraseLayerAad(storeId, slot.userId, slot.anchor));
  } catch {
    throw new AppError('WRONG_PASSPHRASE', 'The username or passphrase is not right.');
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * Unwraps the data key from a slot. A wrong passphrase fails the GCM tag check and becomes
 * WRONG_PASSPHRASE; the caller owns the returned buffer and should zero it when done.
 */
export async function unwrapDataKey(keyring: Keyring, slot: KeySlot, passphrase: string): Promise<Buffer> {
  const secret = await unwrapPassphraseLayer(keyring.storeId, slot, passphrase);
  if (slot.publicKey === undefined || slot.sealedDataKey === undefined) return secret; // legacy: the secret is the data key
  try {
    return openSealedDataKey(keyring.storeId, slot, secret);
  } finally {
    secret.fill(0);
  }
}

function openSealedDataKey(storeId: string, slot: KeySlot, rawPrivate: Buffer): Buffer {
  if (slot.publicKey === undefined || slot.sealedDataKey === undefined) throw new AppError('INTERNAL', 'Not a sealed slot.');
  const recipient = Buffer.from(slot.publicKey, 'base64');
  const ephemeralPublic = Buffer.from(slot.sealedDataKey.ephemeralPublicKey, 'base64');
  const shared = diffieHellman({ privateKey: x25519PrivateKey(rawPrivate, recipient), publicKey: x25519PublicKey(ephemeralPublic) });
  const key = sealingKey(shared, ephemeralPublic, recipient);
  try {
    return aesGcmOpen(key, slot.sealedDataKey, slotAad(storeId, slot.userId));
  } catch {
    throw new AppError('KEYRING_INVALID', 'This key slot is damaged. Ask an administrator to reset your passphrase.');
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}

/**
 * The same slot under a new passphrase: only the passphrase layer changes (the key pair and the
 * sealed data key stay), so it costs two scrypt runs. A legacy slot is upgraded on the way.
 */
export async function changeSlotPassphrase(keyring: Keyring, slot: KeySlot, current: string, next: string): Promise<KeySlot> {
  const secret = await unwrapPassphraseLayer(keyring.storeId, slot, current);
  try {
    if (slot.publicKey === undefined) {
      return await createKeySlot({
        storeId: keyring.storeId,
        userId: slot.userId,
        username: slot.username,
        passphrase: next,
        dataKey: secret,
      });
    }
    const rewrapped = await wrapUnderPassphrase(
      { storeId: keyring.storeId, userId: slot.userId, username: slot.username, passphrase: next },
      secret,
      slot.anchor,
    );
    return { ...slot, kdf: rewrapped.kdf, cipher: rewrapped.cipher };
  } finally {
    secret.fill(0);
  }
}

/**
 * The user's raw X25519 private key from their slot, for signing in to the partnership server
 * (db/sync/auth-proof.ts). WRONG_PASSPHRASE as for unlocking; the caller zeroes the buffer.
 */
export async function unwrapUserPrivateKey(keyring: Pick<Keyring, 'storeId'>, slot: KeySlot, passphrase: string): Promise<Buffer> {
  if (slot.publicKey === undefined)
    throw new AppError('KEYRING_INVALID', 'Unlock the app once with this user before joining a partnership server.');
  return unwrapPassphraseLayer(keyring.storeId, slot, passphrase);
}

/**
 * Unlocks a slot: the data key and, for a sealed slot, the user's signing key (null on a legacy
 * slot, which has none until it is upgraded). WRONG_PASSPHRASE as for unwrapDataKey; a slot whose
 * trusted administrators were altered fails the same way, since they are bound into the GCM tag.
 */
export async function unlockSlot(
  keyring: Keyring,
  slot: KeySlot,
  passphrase: string,
): Promise<{ dataKey: Buffer; signingKey: SigningKey | null }> {
  const secret = await unwrapPassphraseLayer(keyring.storeId, slot, passphrase);
  if (slot.publicKey === undefined || slot.sealedDataKey === undefined) return { dataKey: secret, signingKey: null };
  try {
    const signingKey = signingKeyFromSlotSecret(secret);
    if (slot.signingPublicKey !== undefined && slot.signingPublicKey !== signingKey.publicKey.toString('base64'))
      throw new AppError(
        'KEYRING_INVALID',
        'This key slot names a signing key that is not its own. Ask an administrator to reset your passphrase.',
      );
    return { dataKey: openSealedDataKey(keyring.storeId, slot, secret), signingKey };
  } finally {
    secret.fill(0);
  }
}

/**
 * The same slot trusting `administrators` (bound into its passphrase layer, so one scrypt run to
 * re-wrap), with its signing public key recorded. Needs the user's passphrase: nobody else can
 * change whom a user trusts.
 */
export async function anchorSlot(
  keyring: Keyring,
  slot: KeySlot,
  passphrase: string,
  administrators: readonly AnchorKey[],
): Promise<KeySlot> {
  const secret = await unwrapPassphraseLayer(keyring.storeId, slot, passphrase);
  try {
    const anchor = { administrators: uniqueAnchorKeys(administrators) };
    const rewrapped = await wrapUnderPassphrase(
      { storeId: keyring.storeId, userId: slot.userId, username: slot.username, passphrase },
      secret,
      anchor,
    );
    return {
      ...slot,
      kdf: rewrapped.kdf,
      cipher: rewrapped.cipher,
      signingPublicKey: signingKeyFromSlotSecret(secret).publicKey.toString('base64'),
      anchor,
    };
  } finally {
    secret.fill(0);
  }
}

export function findSlot(keyring: Keyring, username: string): KeySlot | undefined {
  return keyring.slots.find((slot) => slot.username === username);
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** The keyring's second copy, kept beside it: `keyring.backup.json`. */
export const KEYRING_COPY_FILE_NAME = 'keyring.backup.json';

/** The copy kept beside `file` when it is a data folder's `keyring.json`; undefined for any other keyring file. */
function copyBeside(file: string): string | undefined {
  return path.basename(file) === 'keyring.json' ? path.join(path.dirname(file), KEYRING_COPY_FILE_NAME) : undefined;
}

async function readKeyringFile(file: string): Promise<Keyring | undefined> {
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
  return parseKeyring(json);
}

/**
 * Reads and validates the keyring; undefined when there is none yet (first run). A data folder's
 * keyring has a second copy beside it (written with it, see writeKeyring): when `keyring.json` is
 * damaged or gone, the copy is used, so one damaged file locks nobody out.
 */
export async function readKeyring(file: string): Promise<Keyring | undefined> {
  const copy = copyBeside(file);
  try {
    const keyring = await readKeyringFile(file);
    if (keyring !== undefined || copy === undefined) return keyring;
  } catch (error) {
    // Damage only: a keyring altered to weaken its KDF is tampering, and is reported, not worked around.
    if (copy === undefined || !(error instanceof AppError && error.code === 'KEYRING_INVALID')) throw error;
    const fallback = await readKeyringFile(copy).catch(() => undefined);
    if (fallback === undefined) throw error;
    return fallback;
  }
  return readKeyringFile(copy).catch(() => undefined);
}

/** Validates a keyring read from a file or a backup; KEYRING_INVALID / KEYRING_WEAKENED otherwise. */
export function parseKeyring(json: unknown): Keyring {
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('KEYRING_INVALID', 'The keyring file is not in the expected format. Restore it from a backup.');
  }
  for (const slot of [...parsed.data.slots, ...(parsed.data.recovery === undefined ? [] : [parsed.data.recovery])])
    assertParametersNotWeakened(slot);
  return parsed.data;
}

/**
 * Writes the keyring atomically and durably, synchronously (the journaled file moves of a restore
 * and a rotation), and its second copy beside it when it is a data folder's `keyring.json`.
 */
export function writeKeyringSync(file: string, keyring: Keyring): void {
  const text = `${JSON.stringify(keyringSchema.parse(keyring), null, 2)}\n`;
  writeFileDurablySync(file, text);
  const copy = copyBeside(file);
  if (copy !== undefined) writeFileDurablySync(copy, text);
}

/**
 * Writes the keyring atomically: a temporary file in the same folder, flushed, then renamed over
 * the old one, so a crash never leaves half a keyring. A data folder's `keyring.json` gets its
 * second copy (`keyring.backup.json`) the same way, after it.
 */
export async function writeKeyring(file: string, keyring: Keyring): Promise<void> {
  writeKeyringSync(file, keyring);
}
