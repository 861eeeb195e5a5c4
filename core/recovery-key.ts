/**
 * The recovery key: 32 characters of base32 (160 random bits), shown once in groups of four
 * (`ABCD-EFGH-...`) so it can be written down or printed. Typed back with or without the dashes and
 * spaces, in any case.
 */
export const RECOVERY_KEY_LENGTH = 32;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Upper case, without the spaces and dashes people type between groups. */
export function normaliseRecoveryKey(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isRecoveryKey(normalised: string): boolean {
  return normalised.length === RECOVERY_KEY_LENGTH && [...normalised].every((character) => BASE32.includes(character));
}

/** `ABCD-EFGH-...` for display. */
export function formatRecoveryKey(normalised: string): string {
  return normalised.match(/.{1,4}/g)?.join('-') ?? normalised;
}

/** Encodes 20 random bytes as a recovery key (the caller supplies the randomness: core has no crypto). */
export function recoveryKeyFromBytes(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return output.slice(0, RECOVERY_KEY_LENGTH);
}
