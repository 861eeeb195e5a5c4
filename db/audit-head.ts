import { readFileSync } from 'node:fs';
import { auditSignerOf } from './audit-signer';
import { currentAuditHead } from './audit-verification';
import { parseKeyring, writeKeyringSync, type Keyring } from './keyring';
import type { Store } from './store';

/**
 * The audit trail's latest entry, kept in the keyring file (outside the store) so a trail cut from
 * its end is reported by `audit verify`. Recorded at unlock (the first time), when a signed
 * session's connection closes (lock, idle lock, the end of a CLI command), and in every backup's
 * header. It only ever moves forward along the same chain: when the store no longer holds the
 * recorded entry (cut, or cut and grown again), the old head is kept as the evidence.
 */
export function withAuditHead(keyring: Keyring, store: Pick<Store, 'sqlite'>): Keyring {
  const recorded = keyring.auditHead;
  const head = currentAuditHead(store);
  if (recorded !== undefined && !chainHolds(store, recorded)) return keyring;
  return { ...keyring, auditHead: { ...head, signedFrom: recorded?.signedFrom ?? head.seq + 1 } };
}

/** True when the store's trail still holds the recorded entry unchanged (or the head is the empty trail's). */
export function chainHolds(store: Pick<Store, 'sqlite'>, head: { seq: number; hash: string }): boolean {
  if (head.seq === 0) return true;
  const row = store.sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(head.seq) as { hash: string } | undefined;
  return row?.hash === head.hash;
}

/** Records the head of `store`'s trail in the keyring its signer unlocked it with; a failure leaves the older head. */
export function recordAuditHeadSync(store: Pick<Store, 'sqlite'>): void {
  const signer = auditSignerOf(store);
  if (signer === undefined || !store.sqlite.open) return;
  try {
    const keyring = parseKeyring(JSON.parse(readFileSync(signer.keyringFile, 'utf8')));
    const next = withAuditHead(keyring, store);
    if (next.auditHead?.seq === keyring.auditHead?.seq && next.auditHead?.hash === keyring.auditHead?.hash) return;
    writeKeyringSync(signer.keyringFile, next);
  } catch {
    // An unreadable keyring or a full disk: the next close records it; verify then reports only what it knows.
  }
}
