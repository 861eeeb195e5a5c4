import type { Transaction } from 'kysely';
import { isRiskQualified, NOT_RISK_QUALIFIED_MESSAGE } from '../core/risk/risk-qualification';
import { roleSchema } from '../core/roles';
import type { RowChange } from '../core/sync/sync-protocol';
import type { ServerDatabase } from './server-schema';
import { currentRow } from './sync-apply';

/** A rule the server checks against its own records while applying: the mutation is refused with this reason. */
export class RuleRefusal extends Error {
  constructor(readonly reason: { readonly code: 'FORBIDDEN'; readonly message: string }) {
    super(reason.message);
    this.name = 'RuleRefusal';
  }
}

/** The clinical leads the server holds (partnership_settings `clinical_leads`: a JSON list of usernames). */
async function clinicalLeads(trx: Transaction<ServerDatabase>, partnershipId: string): Promise<string[]> {
  const row = await currentRow(trx, partnershipId, 'partnership_settings', JSON.stringify(['clinical_leads']));
  try {
    const value: unknown = JSON.parse(String(row?.value_json ?? '[]'));
    return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A risk flag newly acknowledged in these changes must name someone qualified for risk by the
 * server's own records: the user's role there and the partnership's clinical leads there (the
 * laptop's word is never enough: a changed store could name anyone). Covers meeting mode too,
 * where the acknowledging clinician is not the user who pushes. Throws RuleRefusal otherwise.
 */
export async function assertRiskAcknowledgersQualified(
  trx: Transaction<ServerDatabase>,
  partnershipId: string,
  changes: readonly RowChange[],
): Promise<void> {
  let leads: string[] | undefined;
  for (const change of changes) {
    const acknowledgedBy = change.table === 'risk_flags' ? change.row?.['acknowledged_by'] : undefined;
    if (typeof acknowledgedBy !== 'string') continue;
    const before = await currentRow(trx, partnershipId, 'risk_flags', JSON.stringify(change.key));
    if (before?.['acknowledged_by'] === acknowledgedBy) continue;
    const user = await trx
      .selectFrom('users')
      .select(['username', 'role'])
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', acknowledgedBy)
      .executeTakeFirst();
    const role = roleSchema.safeParse(user?.role);
    leads ??= await clinicalLeads(trx, partnershipId);
    if (user === undefined || !role.success || !isRiskQualified({ role: role.data, username: user.username }, leads))
      throw new RuleRefusal({ code: 'FORBIDDEN', message: NOT_RISK_QUALIFIED_MESSAGE });
  }
}
