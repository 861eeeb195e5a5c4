import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import {
  CLINICAL_DISCIPLINE_OF_ROLE,
  type ClinicalDiscipline,
  type DisciplineAssessmentContent,
} from '../../core/schemas/discipline-assessment';
import type { SignedInUser } from '../../core/schemas/session';
import { findAssessment, insertAssessment, signDraftAssessment, updateDraftAssessment } from '../../db/repositories/assessment-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { recordAmendment } from './assessment-amendment';
import { requireParticipant } from '../participants/require-participant';

export const DISCIPLINE_ASSESSMENT_KIND = 'discipline';

/** The discipline a clinician writes for; other roles write no discipline assessment. */
function disciplineOf(user: SignedInUser): ClinicalDiscipline {
  const discipline = CLINICAL_DISCIPLINE_OF_ROLE[user.role];
  if (discipline === undefined)
    throw new AppError(
      'FORBIDDEN',
      'Only physiotherapists, mental health practitioners and occupational therapists write discipline assessments.',
    );
  return discipline;
}

/** The stored content: the clinician's text without the date or ids, which have their own columns. */
function storedContent({ findings, workImpact, recommendations }: DisciplineAssessmentContent): object {
  return { findings, workImpact, recommendations };
}

/**
 * Creates a draft discipline assessment, or saves over the caller's own draft at the version they
 * edited. A signed assessment is never saved over: it takes an amendment.
 */
export async function saveDisciplineDraft(
  store: Store,
  input: ParsedInput<'assessments.saveDisciplineDraft'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'assessments.saveDisciplineDraft'>> {
  const discipline = disciplineOf(user);
  await requireParticipant(store, input.participantId);
  const at = now.toISOString();
  try {
    if (input.id === undefined) {
      const id = randomUUID();
      await insertAssessment(store.db, {
        id,
        participant_id: input.participantId,
        kind: DISCIPLINE_ASSESSMENT_KIND,
        discipline,
        assessed_on: input.assessedOn,
        content_json: JSON.stringify(storedContent(input)),
        author_id: user.userId,
        recorded_at: at,
        updated_at: at,
        signed_at: null,
        signed_by: null,
        amends_id: null,
        amendment_reason: null,
      });
      return { id, version: 1 };
    }
    const draft = await findAssessment(store.db, input.id);
    if (draft === undefined || draft.kind !== DISCIPLINE_ASSESSMENT_KIND || draft.participant_id !== input.participantId) {
      throw new AppError('NOT_FOUND', 'That draft could not be found.');
    }
    if (draft.author_id !== user.userId) throw new AppError('FORBIDDEN', 'Only the clinician who started a draft can edit it.');
    if (draft.signed_at !== null)
      throw new AppError('CONFLICT', 'This assessment has been signed and is locked. Record an amendment instead.');
    const expectedVersion = input.version ?? 0;
    const saved = await updateDraftAssessment(store.db, {
      id: draft.id,
      expectedVersion,
      assessedOn: input.assessedOn,
      contentJson: JSON.stringify(storedContent(input)),
      at,
    });
    if (!saved)
      throw new AppError(
        'CONFLICT',
        'This draft was changed in another window since you opened it. Reopen it to see the latest text; your changes were not saved.',
      );
    return { id: draft.id, version: expectedVersion + 1 };
  } catch (error) {
    throw toStoreError(error);
  }
}

/** The author signs their draft at the version they read; it is locked from then on. */
export async function signDisciplineAssessment(
  store: Store,
  input: ParsedInput<'assessments.sign'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'assessments.sign'>> {
  const draft = await findAssessment(store.db, input.id);
  if (draft === undefined || draft.kind !== DISCIPLINE_ASSESSMENT_KIND)
    throw new AppError('NOT_FOUND', 'That assessment could not be found.');
  if (draft.author_id !== user.userId) throw new AppError('FORBIDDEN', 'Only the clinician who wrote an assessment can sign it.');
  if (draft.signed_at !== null) throw new AppError('CONFLICT', 'This assessment is already signed.');
  const signed = await signDraftAssessment(store.db, {
    id: draft.id,
    expectedVersion: input.version,
    by: user.userId,
    at: now.toISOString(),
  });
  if (!signed) throw new AppError('CONFLICT', 'This draft changed after you opened it. Read the latest text, then sign.');
  return {};
}

/** A clinician of the same discipline corrects a signed assessment; the original is kept. */
export async function amendDisciplineAssessment(
  store: Store,
  input: ParsedInput<'assessments.amendDiscipline'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'assessments.amendDiscipline'>> {
  const discipline = disciplineOf(user);
  return recordAmendment(
    store,
    {
      amendsId: input.amendsId,
      kind: DISCIPLINE_ASSESSMENT_KIND,
      assessedOn: input.assessedOn,
      content: storedContent(input),
      reason: input.reason,
      authorId: user.userId,
      now,
    },
    (original) => original === discipline,
  );
}
