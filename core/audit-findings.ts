/** The kinds of damage `audit verify` names (db/audit-verification.ts). */
export type AuditFindingKind = 'changed' | 'removed' | 'cut' | 'unsigned' | 'bad_signature';

function entries(fromSeq: number, toSeq: number): string {
  return fromSeq === toSeq ? `Entry ${fromSeq}` : `Entries ${fromSeq}–${toSeq}`;
}

/** One finding in words for an administrator, naming the entries by number. */
export function describeAuditFinding(finding: { kind: AuditFindingKind; fromSeq: number; toSeq: number }): string {
  const which = entries(finding.fromSeq, finding.toSeq);
  switch (finding.kind) {
    case 'changed':
      return `${which} CHANGED: the content no longer matches what was recorded (or the entry kept outside the store differs).`;
    case 'removed':
      return `${which} REMOVED from the middle of the trail.`;
    case 'cut':
      return `${which} CUT from the end: the last entry recorded outside the store (keyring or backup) is ${finding.toSeq}, the trail now ends at ${finding.fromSeq - 1}.`;
    case 'unsigned':
      return `${which} UNSIGNED: written after entries were signed, yet carrying no signature.`;
    case 'bad_signature':
      return `${which} BADLY SIGNED: not signed by their writer's key over what the store now holds (the chain was recomputed after an entry was changed or removed there, or the entries were forged).`;
  }
}
