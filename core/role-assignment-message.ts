/**
 * What an administrator signs to give a user a role: the store (partnership) id, the user's id,
 * username, their slot's X25519 public key and (once certified) their Ed25519 signing key, the role
 * and the assignment's version, as a JSON array (fixed order, so the encoding is canonical). Binding
 * the keys means a slot made for that user by anyone else (a new key pair) does not carry the role.
 * `signingPublicKey` is '' while not certified (an account from before signed roles, until an
 * administrator's unlock sees its key).
 */
export function roleAssignmentMessage(subject: {
  readonly storeId: string;
  readonly userId: string;
  readonly username: string;
  readonly publicKey: string;
  readonly signingPublicKey: string;
  readonly role: string;
  readonly version: number;
}): string {
  return JSON.stringify([
    'workwell-mdt role assignment v1',
    subject.storeId,
    subject.userId,
    subject.username,
    subject.publicKey,
    subject.signingPublicKey,
    subject.role,
    subject.version,
  ]);
}

/**
 * The message `assignment` must sign for a slot's user and keys: its signing key counts only when
 * the assignment certifies it; undefined when it certifies a key the slot does not have.
 */
export function assignmentMessageFor(
  storeId: string,
  slot: { readonly userId: string; readonly username: string; readonly publicKey: string; readonly signingPublicKey?: string | undefined },
  assignment: { readonly role: string; readonly version: number; readonly certifiesSigningKey: boolean },
): string | undefined {
  if (assignment.certifiesSigningKey && slot.signingPublicKey === undefined) return undefined;
  return roleAssignmentMessage({
    storeId,
    userId: slot.userId,
    username: slot.username,
    publicKey: slot.publicKey,
    signingPublicKey: assignment.certifiesSigningKey ? (slot.signingPublicKey ?? '') : '',
    role: assignment.role,
    version: assignment.version,
  });
}
