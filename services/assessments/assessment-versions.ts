import type { SignatureFields } from '../../core/schemas/signed-record';
import type { AssessmentVersionRow } from '../../db/repositories/assessment-repository';

/** One assessment as it stands now, with the signed versions it corrected, oldest first. */
export interface VersionChain<Version> {
  readonly current: Version;
  readonly earlierVersions: Version[];
}

/** The fields every version shares, read from its row. */
export function signatureFields(row: AssessmentVersionRow): SignatureFields {
  return {
    id: row.id,
    version: row.version,
    status: row.signed_at === null ? 'draft' : 'signed',
    authorId: row.author_id,
    authorName: row.author_name,
    recordedAt: row.recorded_at,
    signedAt: row.signed_at,
    signedByName: row.signer_name,
    amendment: row.amends_id === null ? null : { amendsId: row.amends_id, reason: row.amendment_reason ?? '' },
  };
}

/**
 * Groups version rows (oldest first) into chains: each original and the amendments that follow
 * it. Returns the newest assessment first, so `[0]` is the one a screen shows by default.
 */
export function versionChains<Version>(
  rows: readonly AssessmentVersionRow[],
  toVersion: (row: AssessmentVersionRow) => Version,
): Array<VersionChain<Version>> {
  const amendmentOf = new Map<string, AssessmentVersionRow>();
  for (const row of rows) if (row.amends_id !== null) amendmentOf.set(row.amends_id, row);
  const chains: Array<VersionChain<Version>> = [];
  for (const original of rows.filter((row) => row.amends_id === null)) {
    const versions = [original];
    for (let next = amendmentOf.get(original.id); next !== undefined; next = amendmentOf.get(next.id)) versions.push(next);
    const current = versions.pop() ?? original;
    chains.push({ current: toVersion(current), earlierVersions: versions.map(toVersion) });
  }
  return chains.reverse();
}
