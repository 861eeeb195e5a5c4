import type { SqliteDatabase } from './open-store';
import type { SigningKey } from './signing-key';

/**
 * Who signs the audit entries written through an open connection: the user who unlocked it, with
 * the signing key from their own slot (db/signing-key.ts). Kept beside the connection rather than
 * passed to every writer, so every path that appends an entry (dispatch, idle lock, CLI commands)
 * signs it. `keyringFile` is where the trail's latest head is kept when the connection closes.
 */
export interface AuditSigner {
  readonly userId: string;
  readonly key: SigningKey;
  readonly keyringFile: string;
}

const signers = new WeakMap<SqliteDatabase, AuditSigner>();

/** Entries appended through `store` from now on are signed by `signer`. */
export function setAuditSigner(store: { readonly sqlite: SqliteDatabase }, signer: AuditSigner): void {
  signers.set(store.sqlite, signer);
}

/** The signer of entries appended through `store`, if one was set. */
export function auditSignerOf(store: { readonly sqlite: SqliteDatabase }): AuditSigner | undefined {
  return signers.get(store.sqlite);
}

/** A data-key rotation's new connection keeps the session's signer. */
export function moveAuditSigner(from: { readonly sqlite: SqliteDatabase }, to: { readonly sqlite: SqliteDatabase }): void {
  const signer = signers.get(from.sqlite);
  if (signer !== undefined) signers.set(to.sqlite, signer);
}
