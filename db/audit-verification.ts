import { AUDIT_GENESIS_HASH, auditSignatureMessage } from '../core/audit-entry-canonical';
import type { AuditFindingKind } from '../core/audit-findings';
import { auditEntryHash } from './audit-chain';
import { contentOf, type AuditRow } from './repositories/audit-repository';
import { verifySignature } from './signing-key';
import type { Store } from './store';

/**
 * What `audit verify` found, named by sequence numbers (issue 18, item 2):
 * - `changed`: an entry's content no longer matches its hash, or the entry before a link no longer does;
 * - `removed`: sequence numbers missing from the middle;
 * - `cut`: entries missing from the end, by the head kept outside the store (keyring, backups);
 * - `unsigned`: entries from the signing upgrade on without a signature;
 * - `bad_signature`: a signature that is not its signer's over the hash the store holds now (the chain
 *   was recomputed after an entry was changed or removed), or by a key nobody certified.
 */
export type { AuditFindingKind } from '../core/audit-findings';

export interface AuditFinding {
  readonly kind: AuditFindingKind;
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** The latest entry as recorded outside the store, and the first entry that had to be signed. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  readonly signedFrom: number;
}

export interface SignedChainVerification {
  readonly entries: number;
  readonly lastSeq: number;
  readonly findings: AuditFinding[];
}

/**
 * Walks the whole trail in order: the hash chain, each entry's signature by its signer's certified
 * key (`keysOf`: the signing keys a user is known to have held, or undefined when none is certified),
 * and the trail's end against `head`. Runs of the same finding on consecutive entries are merged.
 */
export function verifySignedAuditChain(
  store: Pick<Store, 'sqlite'>,
  options: { readonly keysOf: (userId: string) => ReadonlySet<string> | undefined; readonly head: AuditHead | undefined },
): SignedChainVerification {
  const findings: AuditFinding[] = [];
  const add = (kind: AuditFindingKind, fromSeq: number, toSeq = fromSeq) => {
    const last = findings.at(-1);
    if (last !== undefined && last.kind === kind && last.toSeq + 1 >= fromSeq)
      findings[findings.length - 1] = { kind, fromSeq: last.fromSeq, toSeq };
    else findings.push({ kind, fromSeq, toSeq });
  };
  let previousHash = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const hashAt = new Map<number, string>();
  const signedFrom = options.head?.signedFrom ?? Number.POSITIVE_INFINITY;
  for (const row of store.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries += 1;
    if (row.seq > expectedSeq) add('removed', expectedSeq, row.seq - 1);
    const recomputed = auditEntryHash(row.prev_hash, contentOf(row));
    if (recomputed !== row.hash) add('changed', row.seq);
    else if (row.prev_hash !== previousHash && row.seq === expectedSeq) add('changed', row.seq - 1);
    if (row.signature === null || row.signer_user_id === null) {
      if (row.seq >= signedFrom) add('unsigned', row.seq);
    } else {
      const keys = options.keysOf(row.signer_user_id);
      const message = auditSignatureMessage(row.signer_user_id, row.seq, row.hash);
      const signed = keys !== undefined && [...keys].some((key) => verifySignature(key, message, row.signature as string));
      if (!signed) add('bad_signature', row.seq);
    }
    if (options.head !== undefined && row.seq === options.head.seq) hashAt.set(row.seq, row.hash);
    previousHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const lastSeq = expectedSeq - 1;
  const head = options.head;
  if (head !== undefined && head.seq > 0) {
    if (head.seq > lastSeq) add('cut', lastSeq + 1, head.seq);
    else if (hashAt.get(head.seq) !== head.hash) add('changed', head.seq);
  }
  findings.sort((a, b) => a.fromSeq - b.fromSeq);
  return { entries, lastSeq, findings };
}

/** The trail's last entry now (seq 0 and the genesis hash when empty). */
export function currentAuditHead(store: Pick<Store, 'sqlite'>): { seq: number; hash: string } {
  const last = store.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return { seq: last?.seq ?? 0, hash: last?.hash ?? AUDIT_GENESIS_HASH };
}
