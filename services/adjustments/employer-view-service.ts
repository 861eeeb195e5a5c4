import { AppError } from '../../core/app-error';
import { buildEmployerView } from '../../core/adjustments/employer-view';
import type { EmployerView } from '../../core/schemas/employer-view';
import { latestAdjustments, listAhpReports } from '../../db/repositories/adjustments-repository';
import { getPartnership } from '../../db/repositories/partnership-repository';
import { findTeamMemberByUser } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { getParticipantPlans } from '../plans/action-plan-read';
import { adjustmentsContent } from './adjustments-service';
import { mayShare } from '../participants/consent-service';
import { getParticipantRecord } from '../participants/participant-record';
import { requireParticipant } from '../participants/require-participant';

/**
 * Exactly what the employer would receive. Refused unless consent to share adjustments with the
 * employer is in force at this moment, so a withdrawal blocks the very next call. The whole case
 * is handed to the allow-list builder, which copies only the fields an employer may see.
 */
export async function employerView(store: Store, participantId: string): Promise<EmployerView> {
  await requireParticipant(store, participantId);
  if (!(await mayShare(store, participantId, 'share_employer'))) {
    throw new AppError(
      'FORBIDDEN',
      'Nothing can be shared with the employer: the person has not given consent to share adjustments with them, or has withdrawn it.',
    );
  }
  const view = await employerLetterContent(store, participantId);
  if (view === null) throw new AppError('NOT_FOUND', 'No workplace adjustments have been saved for this person yet.');
  return view;
}

/**
 * What the employer letter says now, without asking for consent: only for comparing it with what
 * the person approved (services/adjustments/employer-letter-approval-service.ts), never for
 * sending. Null before any adjustments are saved.
 */
export async function employerLetterContent(store: Store, participantId: string): Promise<EmployerView | null> {
  const person = await getParticipantRecord(store, participantId);
  const saved = await latestAdjustments(store.db, participantId);
  if (saved === undefined) return null;
  const [author, partnership, plans, ahpReports] = await Promise.all([
    findTeamMemberByUser(store.db, saved.saved_by),
    getPartnership(store.db),
    getParticipantPlans(store, participantId),
    listAhpReports(store.db, participantId),
  ]);
  return buildEmployerView({
    person,
    adjustments: adjustmentsContent(saved),
    // The drafting professional's work phone and email, as the person's own plan gives them.
    contact: {
      name: author?.full_name ?? saved.saved_by_name,
      organisation: partnership?.name ?? 'WorkWell',
      phone: author?.phone ?? null,
      email: author?.email ?? null,
    },
    clinical: { plans, ahpReports },
  });
}
