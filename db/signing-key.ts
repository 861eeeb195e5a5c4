import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * A user's Ed25519 signing key, for role assignments and audit entries. It is not a new secret: it
 * is derived (HKDF-SHA256, its own label) from the X25519 private key their keyring slot already
 * wraps under their passphrase and uses to sign in to the partnership server. So it is exactly as
 * protected as that key, a passphrase change keeps it, and only a new key pair (recovery, a legacy
 * slot's upgrade) gives a new one. Nobody without the user's passphrase can sign as them, the data
 * key's holders included.
 */
export interface SigningKey {
  readonly privateKey: KeyObject;
  /** Raw Ed25519 public key, 32 bytes. */
  readonly publicKey: Buffer;
}

/** PKCS#8 DER prefix of an Ed25519 private key given by its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The signing key belonging to a slot's raw X25519 private key (deterministic). */
export function signingKeyFromSlotSecret(x25519Private: Buffer): SigningKey {
  const seed = Buffer.from(hkdfSync('sha256', x25519Private, Buffer.alloc(0), 'workwell-mdt ed25519 signing key v1', 32));
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
  try {
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
    return { privateKey, publicKey: Buffer.from(x ?? '', 'base64url') };
  } finally {
    seed.fill(0);
    der.fill(0);
  }
}

/** Ed25519 signature (64 bytes) over `message`. */
export function signMessage(key: SigningKey, message: string): Buffer {
  return sign(null, Buffer.from(message, 'utf8'), key.privateKey);
}

const publicKeys = new Map<string, KeyObject>();

/** True when `signature` is `publicKey`'s (raw, base64) over `message`; false for anything malformed. */
export function verifySignature(publicKey: string, message: string, signature: string): boolean {
  try {
    let key = publicKeys.get(publicKey);
    if (key === undefined) {
      const raw = Buffer.from(publicKey, 'base64');
      if (raw.length !== 32) return false;
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
      // A handful of users per store: the cache stays small; it saves re-importing per audit entry.
      if (publicKeys.size < 1000) publicKeys.set(publicKey, key);
    }
    const bytes = Buffer.from(signature, 'base64');
    return bytes.length === 64 && verify(null, Buffer.from(message, 'utf8'), key, bytes);
  } catch {
    return false;
  }
}
