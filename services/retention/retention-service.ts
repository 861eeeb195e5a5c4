import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { formatCalendarDate } from '../../core/calendar-date';
import { londonDateOf } from '../../core/clock';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { describeRetentionRule, isRuleDue, retentionRuleFor, type RetentionRule } from '../../core/retention';
import type { LegalHold } from '../../core/schemas/retention';
import type { SignedInUser } from '../../core/schemas/session';
import {
  findHoldInForce,
  insertLegalHold,
  listRetentionSubjects,
  releaseLegalHold,
  type RetentionRow,
} from '../../db/repositories/retention-repository';
import { purgeParticipantRows } from '../../db/retention-purge';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';

/**
 * Retention is an information-governance decision: the services refuse anyone but an
 * administrator themselves, whatever the transport let through.
 */
function requireAdministrator(user: SignedInUser): void {
  if (user.role !== 'administrator') throw new AppError('FORBIDDEN', 'Only administrators manage retention and legal holds.');
}

async function holdInForce(store: Store, participantId: string): Promise<LegalHold | null> {
  const hold = await findHoldInForce(store.db, participantId);
  return hold === undefined ? null : { reason: hold.reason, placedAt: hold.placed_at, placedByName: hold.placed_by_name };
}

/** The retention rule for one person's record; with no activity at all, the registration date is the last contact. */
function ruleFor(row: RetentionRow): RetentionRule {
  return retentionRuleFor(row.mental_health ? 'mental_health' : 'adult_health', row.exited_on, row.last_contact_on ?? row.created_at);
}

async function findRetentionSubject(store: Store, participantId: string): Promise<RetentionRow | undefined> {
  return (await listRetentionSubjects(store.db, participantId))[0];
}

/**
 * Records due for retention review today, exited or not: 20 years after the later of exit and last
 * contact for a mental health record, 8 years for any other (core/retention.ts).
 */
export async function listDueForRetention(store: Store, user: SignedInUser, now: Date): Promise<ChannelOutput<'retention.due'>> {
  requireAdministrator(user);
  const today = londonDateOf(now);
  const rows = await listRetentionSubjects(store.db);
  return {
    items: rows
      .map((row) => ({ row, rule: ruleFor(row) }))
      .filter(({ rule }) => isRuleDue(rule, today))
      .sort((a, b) => a.rule.reviewDueOn.localeCompare(b.rule.reviewDueOn) || a.row.reference.localeCompare(b.row.reference))
      .map(({ row, rule }) => ({
        participantId: row.participant_id,
        reference: row.reference,
        name: `${row.given_name} ${row.family_name}`,
        exitedOn: row.exited_on,
        lastContactOn: (row.last_contact_on ?? row.created_at).slice(0, 10),
        recordKind: rule.kind,
        rule: describeRetentionRule(rule),
        reviewDueOn: rule.reviewDueOn,
        legalHold:
          row.hold_reason === null || row.hold_placed_at === null
            ? null
            : { reason: row.hold_reason, placedAt: row.hold_placed_at, placedByName: row.hold_placed_by_name ?? 'Unknown' },
      })),
  };
}

/** Places a legal hold on any registered person's record; one hold at a time. */
export async function placeLegalHold(
  store: Store,
  input: ParsedInput<'retention.placeHold'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'retention.placeHold'>> {
  requireAdministrator(user);
  const { participantId, reason } = input;
  if ((await findRetentionSubject(store, participantId)) === undefined) throw new AppError('NOT_FOUND', 'That record was not found.');
  if ((await findHoldInForce(store.db, participantId)) !== undefined)
    throw new AppError('CONFLICT', 'This record is already on legal hold.');
  try {
    await insertLegalHold(store.db, {
      id: randomUUID(),
      participant_id: participantId,
      reason,
      placed_by: user.userId,
      placed_at: now.toISOString(),
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return { participantId, legalHold: await holdInForce(store, participantId) };
}

/** Releases the hold in force, keeping it (and why it was released) as history. */
export async function releaseHold(
  store: Store,
  input: ParsedInput<'retention.releaseHold'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'retention.releaseHold'>> {
  requireAdministrator(user);
  const { participantId, reason } = input;
  let released: boolean;
  try {
    released = await releaseLegalHold(store.db, participantId, {
      released_by: user.userId,
      released_at: now.toISOString(),
      release_reason: reason,
    });
  } catch (error) {
    throw toStoreError(error);
  }
  if (!released) throw new AppError('NOT_FOUND', 'This record has no legal hold to release.');
  return { participantId, legalHold: null };
}

/**
 * Deletes a record at retention review: every row of the person's data goes, in one transaction;
 * the audit trail keeps the entry (ids only) saying who deleted which record and when. Refused
 * unless the record is due under its retention rule, no legal hold is in force, and the
 * administrator typed the record's reference.
 */
export async function purgeRecord(
  store: Store,
  input: ParsedInput<'retention.purge'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'retention.purge'>> {
  requireAdministrator(user);
  const { participantId, confirmReference } = input;
  const subject = await findRetentionSubject(store, participantId);
  if (subject === undefined) throw new AppError('NOT_FOUND', 'That record was not found. It may have been deleted already.');
  if (confirmReference !== subject.reference) {
    throw new AppError('VALIDATION', 'Some answers need correcting.', {
      confirmReference: `Type ${subject.reference} to confirm this is the record to delete`,
    });
  }
  const rule = ruleFor(subject);
  if (!isRuleDue(rule, londonDateOf(now))) {
    throw new AppError(
      'CONFLICT',
      `This record is not due for retention review until ${formatCalendarDate(rule.reviewDueOn)} (${describeRetentionRule(rule)}).`,
    );
  }
  if ((await findHoldInForce(store.db, participantId)) !== undefined)
    throw new AppError('CONFLICT', 'This record is on legal hold and cannot be deleted. Release the hold first if it no longer applies.');
  try {
    return { deletedRows: purgeParticipantRows(store, participantId) };
  } catch (error) {
    throw toStoreError(error);
  }
}
