import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import type { EmployerLetterApproval, EmployerLetterApprovalMethod } from '../../core/schemas/employer-letter-approval';
import type { EmployerView } from '../../core/schemas/employer-view';
import type { SignedInUser } from '../../core/schemas/session';
import { latestAdjustments } from '../../db/repositories/adjustments-repository';
import { insertEmployerLetterApproval, latestEmployerLetterApproval } from '../../db/repositories/employer-letter-approval-repository';
import type { Store } from '../../db/store';
import { sha256Hex } from '../exports/export-log';
import { employerLetterContent, employerView } from './employer-view-service';

/** The fingerprint of what the letter says: its whole employer view, so any change to its words shows. */
function letterFingerprint(view: EmployerView): string {
  return sha256Hex(JSON.stringify(view));
}

/**
 * The person's newest approval of their employer letter, or null if they never gave one. It is in
 * force only while the letter still says exactly what they approved: a later save of the
 * adjustments (or anything else the letter prints) changes the fingerprint and lapses it.
 */
export async function employerLetterApproval(store: Store, participantId: string): Promise<EmployerLetterApproval | null> {
  const row = await latestEmployerLetterApproval(store.db, participantId);
  if (row === undefined) return null;
  const content = await employerLetterContent(store, participantId);
  return {
    id: row.id,
    method: row.method as EmployerLetterApprovalMethod,
    approvedAt: row.approved_at,
    recordedByName: row.recorded_by_name,
    adjustmentsVersion: row.adjustments_version,
    inForce: content !== null && letterFingerprint(content) === row.content_sha256,
  };
}

/**
 * Records that the person approved their employer letter as it reads now: how they gave it, who
 * recorded it and when (the injected clock). Refused without consent to share with the employer
 * (FORBIDDEN, as the letter itself is), and refused (CONFLICT, nothing written) when the
 * adjustments were saved again since the version the person was shown.
 */
export async function approveEmployerLetter(
  store: Store,
  input: ParsedInput<'adjustments.approveEmployerLetter'>,
  user: SignedInUser,
  now: Date,
): Promise<EmployerLetterApproval> {
  const view = await employerView(store, input.participantId);
  const saved = await latestAdjustments(store.db, input.participantId);
  if (saved === undefined || saved.version !== input.adjustmentsVersion) {
    throw new AppError(
      'CONFLICT',
      'The adjustments were changed since the person was shown the letter. Nothing was recorded: show them the letter as it reads now.',
      { adjustmentsVersion: 'The letter has changed since the person saw it' },
    );
  }
  await insertEmployerLetterApproval(store.db, {
    id: randomUUID(),
    participant_id: input.participantId,
    adjustments_id: saved.id,
    adjustments_version: saved.version,
    content_sha256: letterFingerprint(view),
    method: input.method,
    approved_at: now.toISOString(),
    recorded_by: user.userId,
  });
  const approval = await employerLetterApproval(store, input.participantId);
  if (approval === null) throw new AppError('INTERNAL', 'The approval was not recorded.');
  return approval;
}
