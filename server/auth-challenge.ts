import { createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, timingSafeEqual } from 'node:crypto';
import { PROOF_KEY_INFO, proofMessage, type ChallengeFacts } from '../core/sync/auth-proof-format';

/**
 * The server's half of the X25519 sign-in (the laptop's is db/sync/auth-proof.ts; both follow
 * core/sync/auth-proof-format.ts): a one-time key pair per challenge, and the proof check.
 */
export function newChallengeKeyPair(): { publicKey: Buffer; privateKey: Buffer } {
  const jwk = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  if (jwk.d === undefined || jwk.x === undefined) throw new Error('X25519 key export failed');
  return { publicKey: Buffer.from(jwk.x, 'base64url'), privateKey: Buffer.from(jwk.d, 'base64url') };
}

/** True only when `proof` was made with the private half of `userPublicKey` for exactly this challenge. */
export function verifyChallengeAnswer(
  server: { privateKey: Buffer; publicKey: Buffer },
  userPublicKey: Buffer,
  facts: ChallengeFacts,
  proof: string,
): boolean {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: server.privateKey.toString('base64url'), x: server.publicKey.toString('base64url') },
    format: 'jwk',
  });
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: userPublicKey.toString('base64url') }, format: 'jwk' });
  const shared = diffieHellman({ privateKey, publicKey });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(facts.nonce, 'base64'), PROOF_KEY_INFO, 32));
  try {
    const expected = createHmac('sha256', key).update(proofMessage(facts)).digest();
    const given = Buffer.from(proof, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}
