import { AppError } from '../../core/app-error';
import { EMPLOYMENT_OUTCOME_LABELS, EXIT_REASON_LABELS } from '../../core/schemas/action-plan';
import { gpPracticeLabel } from '../../core/schemas/gp-practice';
import type { LetterKind, LetterRecipient } from '../../core/schemas/letters';
import type { ParticipantRecord } from '../../core/schemas/participant-record';
import type { Store } from '../../db/store';
import { getParticipantPlans } from '../plans/action-plan-read';
import type { CaseClosedContent, PlanAgreedContent } from './letter-model';
import { planModel } from './plan-pdf';

/**
 * Who the letter is addressed to, from the record: the GP practice by name and ODS code, or the
 * newest referral's referrer. Refused (CONFLICT, nothing produced) when there is nobody to address.
 */
export function addresseeOf(record: ParticipantRecord, recipient: LetterRecipient): { addressedTo: string; salutation: string } {
  if (recipient === 'gp') {
    if (record.gpPractice === null) {
      throw new AppError(
        'CONFLICT',
        'No GP practice is recorded for this person: add its ODS code and name under “Change details and work” first. Nothing was produced.',
        { gpPractice: 'Record the GP practice first' },
      );
    }
    return { addressedTo: gpPracticeLabel(record.gpPractice), salutation: 'Dear colleague,' };
  }
  const referral = record.referrals[0];
  const names = referral === undefined ? [] : [referral.referrerName, referral.referrerOrganisation].filter((name) => name !== null);
  if (referral === undefined || referral.route === 'self_referral' || names.length === 0) {
    throw new AppError(
      'CONFLICT',
      referral?.route === 'self_referral'
        ? 'This person referred themselves: there is no referrer to write to. Nothing was produced.'
        : 'No referrer is named on this person’s referral, so there is nobody to write to. Nothing was produced.',
      { recipient: 'No referrer is recorded' },
    );
  }
  return {
    addressedTo: names.join(', '),
    salutation: referral.referrerName === null ? 'Dear colleague,' : `Dear ${referral.referrerName},`,
  };
}

/** The plan the MDT agreed most recently, in plain words. Refused while no version has been agreed. */
async function planAgreedContent(store: Store, participantId: string): Promise<PlanAgreedContent> {
  const plans = await getParticipantPlans(store, participantId);
  const agreed = plans.versions.find((version) => version.status !== 'draft');
  if (agreed === undefined) {
    throw new AppError(
      'CONFLICT',
      'The MDT has not agreed a plan for this person yet, so there is no plan to write about. Nothing was produced.',
      {
        kind: 'No plan has been agreed',
      },
    );
  }
  const model = await planModel(store, participantId, agreed.id);
  return {
    kind: 'plan_agreed',
    versionNumber: model.versionNumber,
    agreedOn: model.agreedByMdtOn,
    goals: model.goals,
    actions: model.actions.map((action) => ({
      what: action.what,
      who: action.who,
      discipline: action.discipline,
      dueOn: action.dueOn,
      serviceName: action.service?.name ?? null,
    })),
    reviewOn: model.reviewOn,
  };
}

/** How the case closed. Refused while it is open. */
function caseClosedContent(record: ParticipantRecord): CaseClosedContent {
  const { closure } = record;
  if (closure === null) {
    throw new AppError('CONFLICT', 'This case has not been closed, so there is no closing letter to write. Nothing was produced.', {
      kind: 'The case is still open',
    });
  }
  const reason = EXIT_REASON_LABELS[closure.reason];
  return {
    kind: 'case_closed',
    closedOn: closure.closedOn,
    reason: closure.reasonNote === null ? reason : `${reason}: ${closure.reasonNote}`,
    employmentOutcome: EMPLOYMENT_OUTCOME_LABELS[closure.employmentOutcome],
  };
}

/** What the letter of this kind says about the person's case. */
export async function letterContent(
  store: Store,
  record: ParticipantRecord,
  kind: LetterKind,
): Promise<PlanAgreedContent | CaseClosedContent> {
  return kind === 'plan_agreed' ? planAgreedContent(store, record.id) : caseClosedContent(record);
}
