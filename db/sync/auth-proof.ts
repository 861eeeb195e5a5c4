import { createHmac, createPrivateKey, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto';
import { PROOF_KEY_INFO, proofMessage, type ChallengeFacts } from '../../core/sync/auth-proof-format';

/**
 * The laptop's half of signing in without a passphrase (README, security model): it proves it
 * holds the user's X25519 private key (unwrapped from their keyring slot with the passphrase) by
 * an HMAC keyed from the Diffie-Hellman secret with the server's one-time key. The server checks
 * it in server/auth-challenge.ts.
 */
export function answerChallenge(user: { privateKey: Buffer; publicKey: Buffer }, serverPublicKey: Buffer, facts: ChallengeFacts): string {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: user.privateKey.toString('base64url'), x: user.publicKey.toString('base64url') },
    format: 'jwk',
  });
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: serverPublicKey.toString('base64url') }, format: 'jwk' });
  const shared = diffieHellman({ privateKey, publicKey });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(facts.nonce, 'base64'), PROOF_KEY_INFO, 32));
  try {
    return createHmac('sha256', key).update(proofMessage(facts)).digest('base64');
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}
