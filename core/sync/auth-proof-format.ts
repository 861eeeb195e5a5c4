/**
 * What a sign-in proof is computed over (core/sync/sync-protocol.ts): the laptop (db/sync/auth-proof.ts)
 * and the server (server/auth-challenge.ts) each compute HMAC-SHA256 over this text, keyed by
 * HKDF-SHA256(X25519 shared secret, salt = nonce, info = PROOF_KEY_INFO). Defined once, here, so
 * the two sides cannot drift.
 */
export const PROOF_KEY_INFO = 'workwell-mdt sync sign-in';

/** The facts of one challenge. */
export interface ChallengeFacts {
  readonly challengeId: string;
  readonly username: string;
  readonly deviceId: string;
  /** base64 */
  readonly nonce: string;
}

/** Every part of the challenge, so none can be swapped for another. */
export function proofMessage(facts: ChallengeFacts): string {
  return `${facts.challengeId}\n${facts.username}\n${facts.deviceId}\n${facts.nonce}`;
}
