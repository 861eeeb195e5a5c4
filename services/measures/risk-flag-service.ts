import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { isRiskFlagOverdue } from '../../core/risk/risk-flag-overdue';
import { isRiskQualified, NOT_RISK_QUALIFIED_MESSAGE } from '../../core/risk/risk-qualification';
import type { Role } from '../../core/roles';
import type { SignedInUser } from '../../core/schemas/session';
import { acknowledgeRiskFlag, findRiskFlag } from '../../db/repositories/assessment-repository';
import { listEveryOpenRiskFlag } from '../../db/repositories/risk-flag-repository';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { actInThisCallAs, auditedTransaction } from '../call-audit-scope';
import { readClinicalLeads } from '../settings/clinical-leads-service';

/** Who acknowledges: their id and name, with the role and username qualification is decided on. */
export interface RiskAcknowledger {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

/** Refuses (FORBIDDEN, nothing changed) anyone who is not qualified for risk under the current settings. */
export async function requireRiskQualified(db: Kysely<Database>, user: Pick<RiskAcknowledger, 'role' | 'username'>): Promise<void> {
  const leads = await readClinicalLeads(db);
  if (!isRiskQualified(user, leads.usernames)) throw new AppError('FORBIDDEN', NOT_RISK_QUALIFIED_MESSAGE);
}

/**
 * Records that `by` reviewed a risk flag: who, when, the action taken and their note, in one
 * compare-and-set (a flag is acknowledged once). The flag is kept and shows in the record's history.
 */
export async function acknowledgeRisk(
  store: Store,
  input: ParsedInput<'riskFlags.acknowledge'>,
  by: RiskAcknowledger,
  now: Date,
): Promise<void> {
  await requireRiskQualified(store.db, by);
  const flag = await findRiskFlag(store.db, input.flagId);
  if (flag === undefined) throw new AppError('NOT_FOUND', 'That risk flag could not be found.');
  try {
    await auditedTransaction(store, async (trx) => {
      const changed = await acknowledgeRiskFlag(trx, {
        id: flag.id,
        by: by.userId,
        at: now.toISOString(),
        action: input.action,
        note: input.note,
      });
      if (!changed) throw new AppError('CONFLICT', 'This risk flag has already been acknowledged.');
      // The entry names the one who acknowledged, even on someone else's session (meeting mode).
      actInThisCallAs({ userId: by.userId, username: by.username });
      return {};
    });
  } catch (error) {
    throw toStoreError(error);
  }
}

/**
 * The open flags past their one working day, for a coordinator or a clinician qualified for risk;
 * anyone else is shown none (they cannot act on them).
 */
export async function overdueRiskFlags(store: Store, user: SignedInUser, now: Date): Promise<ChannelOutput<'riskFlags.overdue'>> {
  if (user.role !== 'coordinator' && !isRiskQualified(user, (await readClinicalLeads(store.db)).usernames)) return { flags: [] };
  const open = await listEveryOpenRiskFlag(store.db);
  return {
    flags: open
      .filter((flag) => isRiskFlagOverdue(flag.raised_at, now))
      .map((flag) => ({
        id: flag.id,
        participantId: flag.participant_id,
        reference: flag.reference,
        givenName: flag.given_name,
        familyName: flag.family_name,
        raisedAt: flag.raised_at,
        raisedOn: flag.raised_on,
      })),
  };
}
