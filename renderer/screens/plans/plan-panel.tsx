import { useState } from 'react';
import {
  EMPLOYMENT_OUTCOME_LABELS,
  EXIT_REASON_LABELS,
  REVIEW_OUTCOME_LABELS,
  type ActionPlan,
  type PlanContent,
} from '../../../core/schemas/action-plan';
import type { Channel } from '../../../core/channels';
import { canCall, offers, whoMay } from '../../can-call';
import { DownloadPdfButtons } from '../../components/download-pdf-buttons';
import { ErrorSummary } from '../../components/error-summary';
import { LetterOffer } from '../participants/letter-buttons';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { ActionProgressForm } from './action-progress-form';
import { AgreePlanForm } from './agree-plan-form';
import { PersonAgreementForm } from './person-agreement-form';
import { PlanDifferencesView } from './plan-differences-view';
import { PlanEditor } from './plan-editor';
import { PlanSummary } from './plan-summary';
import { ReviewPlanForm } from './review-plan-form';
import { useActivate } from './use-activate';
import { planLabels, usePlanData } from './use-plan-data';

export interface PlanPanelProps {
  readonly participantId: string;
  /** In meeting mode: the meeting, and who is present (ticked when the plan is agreed). */
  readonly meeting?: { readonly id: string; readonly attendeeTeamMemberIds: string[] };
  /** On the record (not in meeting mode): after the MDT agrees the plan, the letters to the GP and referrer are offered. */
  readonly onLettersProduced?: () => void;
}

type OpenForm = 'edit' | 'new-version' | 'agree' | 'person' | 'review' | 'progress';

const IN_FORCE: ReadonlyArray<ActionPlan['status']> = ['agreed_by_mdt', 'agreed_with_person', 'active'];

/** The channel each form of the panel calls: its opener is offered only to roles that may call it. */
const FORM_CHANNELS: Readonly<Record<OpenForm, Channel>> = {
  edit: 'plans.saveDraft',
  'new-version': 'plans.saveDraft',
  agree: 'plans.agreeByMdt',
  person: 'plans.agreeWithPerson',
  review: 'plans.review',
  progress: 'plans.updateActionStatus',
};

function contentOf(plan: ActionPlan | undefined): PlanContent {
  return plan === undefined
    ? { goals: [], actions: [], reviewOn: null }
    : { goals: plan.goals, actions: plan.actions, reviewOn: plan.reviewOn };
}

/**
 * A person's action plan where the team works on it: the version in force, the draft being
 * prepared, what changed between versions, and the next step of the lifecycle for those allowed.
 */
export function PlanPanel({ participantId, meeting, onLettersProduced }: PlanPanelProps) {
  const { user } = useSession();
  const { data, error, reload } = usePlanData(participantId);
  const [open, setOpen] = useState<OpenForm | undefined>(undefined);
  const [justAgreed, setJustAgreed] = useState(false);
  if (data === undefined) {
    return error === undefined ? <p role="status">Loading the plan…</p> : <ErrorSummary fieldErrors={{}} message={error} />;
  }
  const { versions, reviews, exit } = data.plans;
  const labels = planLabels(data.config);
  const draft = versions.find((version) => version.status === 'draft');
  const inForce = versions.find((version) => IN_FORCE.includes(version.status));
  const mayWrite = canCall('plans.saveDraft', user.role) && exit === null;
  const done = () => {
    setOpen(undefined);
    void reload();
  };
  const close = () => setOpen(undefined);
  const [newest, previous] = versions;

  if (open === 'edit' || open === 'new-version') {
    const editing = open === 'edit' ? draft : undefined;
    return (
      <PlanEditor
        participantId={participantId}
        draft={editing === undefined ? undefined : { planId: editing.id, revision: editing.revision }}
        start={contentOf(editing ?? inForce ?? newest)}
        config={data.config}
        presentIds={meeting?.attendeeTeamMemberIds}
        heading={
          editing !== undefined
            ? `Edit the draft plan (version ${editing.versionNumber})`
            : versions.length === 0
              ? 'Start the action plan'
              : `Change the plan (version ${(newest?.versionNumber ?? 0) + 1})`
        }
        onSaved={done}
        onCancel={close}
      />
    );
  }
  if (open === 'agree' && draft !== undefined)
    return (
      <AgreePlanForm
        plan={draft}
        config={data.config}
        meeting={meeting}
        onAgreed={() => {
          setJustAgreed(true);
          done();
        }}
        onCancel={close}
      />
    );
  if (open === 'person' && inForce !== undefined) return <PersonAgreementForm plan={inForce} onSaved={done} onCancel={close} />;
  if (open === 'review' && inForce !== undefined) return <ReviewPlanForm plan={inForce} onSaved={done} onCancel={close} />;
  if (open === 'progress' && inForce !== undefined) return <ActionProgressForm plan={inForce} onSaved={done} onCancel={close} />;

  // Each opener is offered only to a role its form's channel admits, and marked with that channel.
  const button = (form: OpenForm, label: string, primary = false) =>
    canCall(FORM_CHANNELS[form], user.role) && (
      <button
        type="button"
        className={`nhsuk-button${primary ? '' : ' nhsuk-button--secondary'}`}
        {...offers(FORM_CHANNELS[form])}
        onClick={() => setOpen(form)}
      >
        {label}
      </button>
    );
  return (
    <div data-testid="plan-panel">
      {exit !== null && (
        <p className="nhsuk-inset-text">
          Support ended on {formatDate(exit.exitedOn)}: {EXIT_REASON_LABELS[exit.reason]}. Employment outcome:{' '}
          {EMPLOYMENT_OUTCOME_LABELS[exit.employmentOutcome]}.
        </p>
      )}
      {justAgreed && onLettersProduced !== undefined && canCall('documents.letterPdf', user.role) && (
        <LetterOffer participantId={participantId} kind="plan_agreed" onProduced={onLettersProduced} />
      )}
      {versions.length === 0 && <p>No plan yet.</p>}
      {inForce !== undefined && (
        <section aria-label="The plan in force">
          <PlanSummary plan={inForce} labels={labels} />
          {canCall('documents.planPdf', user.role) && <PlanPdfButtons participantId={participantId} plan={inForce} />}
          {mayWrite && (
            <div className="ww-actions">
              {inForce.status === 'agreed_by_mdt' && button('person', 'Record the person’s agreement', true)}
              {inForce.status === 'agreed_with_person' && canCall('plans.activate', user.role) && (
                <ActivateButton planId={inForce.id} onDone={done} />
              )}
              {(inForce.status === 'agreed_with_person' || inForce.status === 'active') && button('review', 'Review the plan')}
              {button('progress', 'Update an action')}
              {draft === undefined && button('new-version', 'Change the plan (new version)')}
            </div>
          )}
        </section>
      )}
      {draft !== undefined && (
        <section aria-label="Draft plan" className="ww-plan-draft">
          {inForce !== undefined && <h4 className="nhsuk-heading-xs">Draft of the next version</h4>}
          <PlanSummary plan={draft} labels={labels} />
          {canCall('documents.planPdf', user.role) && <PlanPdfButtons participantId={participantId} plan={draft} />}
          {mayWrite && (
            <div className="ww-actions">
              {button('edit', 'Edit the draft plan')}
              {button('agree', 'Agree the plan', true)}
            </div>
          )}
        </section>
      )}
      {mayWrite && versions.length === 0 && button('new-version', 'Start the action plan', true)}
      {!canCall('plans.saveDraft', user.role) && exit === null && (
        <p className="nhsuk-inset-text">Only the {whoMay('plans.saveDraft')} can draft, agree or change the plan.</p>
      )}
      {newest !== undefined && previous !== undefined && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">What changed from version {previous.versionNumber}</span>
          </summary>
          <div className="nhsuk-details__text">
            <PlanDifferencesView before={previous} after={newest} labels={labels} />
          </div>
        </details>
      )}
      {reviews.length > 0 && (
        <>
          <h4 className="nhsuk-heading-xs">Reviews</h4>
          <ul className="nhsuk-list">
            {reviews.map((review) => (
              <li key={review.id}>
                {formatDate(review.reviewedOn)}: {REVIEW_OUTCOME_LABELS[review.outcome]}. {review.note} ({review.reviewedByName})
                {review.nextReviewOn !== null && <> Next review by {formatDate(review.nextReviewOn)}.</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The person's copy of this version of the plan, in normal or large print (a draft prints as DRAFT). */
function PlanPdfButtons({ participantId, plan }: { participantId: string; plan: ActionPlan }) {
  const draft = plan.status === 'draft';
  return (
    <DownloadPdfButtons
      channel="documents.planPdf"
      options={[
        { label: draft ? 'Download the draft plan (PDF)' : 'Download the plan (PDF)', input: { participantId, planId: plan.id } },
        { label: 'Download in large print (PDF)', input: { participantId, planId: plan.id, largePrint: true } },
      ]}
      testId={`plan-pdf-${plan.versionNumber}`}
    />
  );
}

function ActivateButton({ planId, onDone }: { planId: string; onDone: () => void }) {
  const activate = useActivate(planId, onDone);
  return (
    <>
      <button
        type="button"
        className="nhsuk-button"
        disabled={activate.busy}
        {...offers('plans.activate')}
        onClick={() => void activate.run()}
      >
        Start support (make the plan active)
      </button>
      {activate.message !== undefined && <p className="nhsuk-error-message">{activate.message}</p>}
    </>
  );
}
