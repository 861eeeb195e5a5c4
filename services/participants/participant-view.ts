import type { ParticipantRecord, ParticipantView } from '../../core/schemas/participant-record';
import type { SignedInUser } from '../../core/schemas/session';

/**
 * The record as one user may read it (issue 18, least privilege). Administrators run the
 * partnership's accounts, settings and exports, not anyone's care: they get the person's details,
 * status, coach, referrals and consent, and no clinical field at all (the fields are absent from
 * what the service returns, not merely hidden on screen). Everyone else gets the clinical record,
 * except the text of another clinician's unsigned draft: a draft is the author's until they sign
 * it, so the others learn only that it exists and whose it is.
 */
export function participantViewFor(record: ParticipantRecord, user: Pick<SignedInUser, 'userId' | 'role'>): ParticipantView {
  const {
    joinedUpAssessment: _joinedUp,
    disciplineAssessments,
    draftsByOthers: _drafts,
    measures: _measures,
    openRiskFlags: _open,
    acknowledgedRiskFlags: _acknowledged,
    fitNotes: _fitNotes,
    clinicalWithheld: _withheld,
    ...details
  } = record;
  if (user.role === 'administrator') return { ...details, clinicalWithheld: true };
  const othersDraft = (assessment: ParticipantRecord['disciplineAssessments'][number]) =>
    assessment.status === 'draft' && assessment.authorId !== user.userId;
  return {
    ...record,
    disciplineAssessments: disciplineAssessments.filter((assessment) => !othersDraft(assessment)),
    draftsByOthers: disciplineAssessments
      .filter(othersDraft)
      .map(({ id, discipline, authorName, recordedAt }) => ({ id, discipline, authorName, recordedAt })),
  };
}
