import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import type { FitNote } from '../../core/schemas/fit-note';
import { findFitNote, insertFitNote, listFitNotes, type FitNoteListRow } from '../../db/repositories/fit-note-repository';
import { findParticipant } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';

/** A stored fit note as the record shows it. */
export function toFitNote(row: FitNoteListRow): FitNote {
  return {
    id: row.id,
    participantId: row.participant_id,
    issuedOn: row.issued_on,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    fitness: row.fitness as FitNote['fitness'],
    categories: JSON.parse(row.categories_json) as FitNote['categories'],
    comments: row.comments,
    reviewNeeded: row.review_needed === 1,
    issuerSetting: row.issuer_setting as FitNote['issuerSetting'],
    issuerProfession: row.issuer_profession as FitNote['issuerProfession'],
    issuerName: row.issuer_name,
    fromConversation: row.from_conversation === 1,
    replacesId: row.replaces_id,
    correctionReason: row.correction_reason,
    replacedById: row.replaced_by_id,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}

/** A person's fit notes, newest period first, corrected ones included (marked by `replacedById`). */
export async function fitNotesOf(store: Store, participantId: string): Promise<FitNote[]> {
  return (await listFitNotes(store.db, participantId)).map(toFitNote);
}

function alreadyCorrected(): AppError {
  return new AppError(
    'CONFLICT',
    'This fit note has already been corrected by someone else. Reopen the record and correct the newest one.',
    {
      replacesId: 'Already corrected',
    },
  );
}

/**
 * Records a fit note as it reads, by whom and when (the injected clock). A correction names the fit
 * note it replaces, which must be this person's and not corrected already (CONFLICT otherwise, so
 * the history stays one line); the earlier note is kept unchanged. Nothing is written on refusal.
 */
export async function recordFitNote(store: Store, input: ParsedInput<'fitNotes.record'>, userId: string, now: Date): Promise<FitNote> {
  if ((await findParticipant(store.db, input.participantId)) === undefined)
    throw new AppError('NOT_FOUND', 'That person could not be found.');
  if (input.replacesId !== undefined) {
    const earlier = await findFitNote(store.db, input.replacesId);
    if (earlier === undefined || earlier.participant_id !== input.participantId)
      throw new AppError('NOT_FOUND', 'The fit note being corrected could not be found on this person’s record.', {
        replacesId: 'Not found on this record',
      });
    if (earlier.replaced_by_id !== null) throw alreadyCorrected();
  }
  const id = randomUUID();
  try {
    await insertFitNote(store.db, {
      id,
      participant_id: input.participantId,
      issued_on: input.issuedOn,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      fitness: input.fitness,
      categories_json: JSON.stringify(input.categories),
      comments: input.comments,
      review_needed: input.reviewNeeded ? 1 : 0,
      issuer_setting: input.issuerSetting,
      issuer_profession: input.issuerProfession,
      issuer_name: input.issuerName,
      from_conversation: input.fromConversation ? 1 : 0,
      replaces_id: input.replacesId ?? null,
      correction_reason: input.correctionReason,
      recorded_by: userId,
      recorded_at: now.toISOString(),
    });
  } catch (error) {
    // Two corrections of the same fit note at once: the unique index lets only the first in.
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw alreadyCorrected();
    throw toStoreError(error);
  }
  const saved = (await fitNotesOf(store, input.participantId)).find((note) => note.id === id);
  if (saved === undefined) throw new AppError('INTERNAL', 'The fit note was not recorded.');
  return saved;
}
