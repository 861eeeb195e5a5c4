import { createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Sign-in to the partnership server without sending a passphrase (README, security model). Each
 * user already holds an X25519 key pair: the public half is in their keyring slot (and on the
 * server), the private half is wrapped by their passphrase. The server makes a one-time X25519 key
 * and a nonce; both sides compute the same Diffie-Hellman secret, and the laptop proves it holds
 * the user's private key with an HMAC keyed from that secret over the whole challenge. Nothing
 * sent can be replayed: the challenge is used once and expires.
 */

function x25519Public(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function x25519Private(rawPrivate: Buffer, rawPublic: Buffer): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: rawPrivate.toString('base64url'), x: rawPublic.toString('base64url') }, format: 'jwk' });
}

/** What a proof is computed over: every part of the challenge, so none can be swapped. */
export interface ChallengeFacts {
  readonly challengeId: string;
  readonly username: string;
  readonly deviceId: string;
  /** base64 */
  readonly nonce: string;
}

function proofFrom(shared: Buffer, facts: ChallengeFacts): string {
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(facts.nonce, 'base64'), 'workwell-mdt sync sign-in', 32));
  try {
    return createHmac('sha256', key).update(`${facts.challengeId}\n${facts.username}\n${facts.deviceId}\n${facts.nonce}`).digest('base64');
  } finally {
    key.fill(0);
  }
}

/** A one-time server key pair for a challenge, raw (32 bytes each). */
export function newChallengeKeyPair(): { publicKey: Buffer; privateKey: Buffer } {
  const pair = generateKeyPairSync('x25519');
  const jwk = pair.privateKey.export({ format: 'jwk' });
  if (jwk.d === undefined || jwk.x === undefined) throw new Error('X25519 key export failed');
  return { publicKey: Buffer.from(jwk.x, 'base64url'), privateKey: Buffer.from(jwk.d, 'base64url') };
}

/** The laptop's answer: the user's raw private and public key against the server's one-time public key. */
export function answerChallenge(user: { privateKey: Buffer; publicKey: Buffer }, serverPublicKey: Buffer, facts: ChallengeFacts): string {
  const shared = diffieHellman({ privateKey: x25519Private(user.privateKey, user.publicKey), publicKey: x25519Public(serverPublicKey) });
  try {
    return proofFrom(shared, facts);
  } finally {
    shared.fill(0);
  }
}

/** The server's check: true only when `proof` was made with the private half of `userPublicKey`. */
export function verifyChallengeAnswer(
  server: { privateKey: Buffer; publicKey: Buffer },
  userPublicKey: Buffer,
  facts: ChallengeFacts,
  proof: string,
): boolean {
  const shared = diffieHellman({ privateKey: x25519Private(server.privateKey, server.publicKey), publicKey: x25519Public(userPublicKey) });
  try {
    const expected = Buffer.from(proofFrom(shared, facts), 'base64');
    const given = Buffer.from(proof, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  } finally {
    shared.fill(0);
  }
}
