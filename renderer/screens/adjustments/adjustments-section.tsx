import { useCallback, useState } from 'react';
import { useApi } from '../../api/api-context';
import { canCall, offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { useLoaded } from '../../use-loaded';
import { AdjustmentsEditor } from './adjustments-editor';
import { AdjustmentsSummary } from './adjustments-summary';
import { AhpReportForm } from './ahp-report-form';
import { AhpReportSummary } from './ahp-report-summary';
import { EmployerLetterApprovalPanel } from './employer-letter-approval';
import { EmployerViewPreview } from './employer-view-preview';

export interface AdjustmentsSectionProps {
  readonly participantId: string;
  /** Changes when the person's consent to share with the employer changes, so the section and preview ask again. */
  readonly consentKey: string;
}

type OpenForm = 'adjustments' | 'ahp' | undefined;

/**
 * "Workplace adjustments" on the person's record: the OT's (or physio's) adjustments and graded
 * return schedule, attached to the current plan; the AHP Health and Work Report; and a preview of
 * exactly what the employer would receive, blocked while consent to share with them is not in force.
 */
export function AdjustmentsSection(props: AdjustmentsSectionProps) {
  const { user } = useSession();
  // Roles that may not read adjustments are never sent to ask: a refusal would be audited as "denied".
  return canCall('adjustments.get', user.role) ? <ReadableAdjustmentsSection {...props} /> : null;
}

function ReadableAdjustmentsSection({ participantId, consentKey }: AdjustmentsSectionProps) {
  const api = useApi();
  const { user } = useSession();
  const [open, setOpen] = useState<OpenForm>(undefined);
  // A change of consent to share with the employer (consentKey) asks again.
  const {
    value: data,
    error,
    reload,
  } = useLoaded(useCallback(() => api.call('adjustments.get', { participantId }), [api, participantId, consentKey]));
  const heading = (
    <h2 className="nhsuk-heading-m" id="adjustments-section">
      Workplace adjustments
    </h2>
  );
  if (data === undefined) {
    return (
      <section aria-labelledby="adjustments-section">
        {heading}
        {error === undefined ? <p role="status">Loading the adjustments…</p> : <ErrorSummary fieldErrors={{}} message={error} />}
      </section>
    );
  }
  const mayDraft = canCall('adjustments.save', user.role);
  // Read the saved state before closing the form, so nothing is ever shown (or signed) at a stale version.
  const done = () => {
    void reload().then(() => setOpen(undefined));
  };
  const openDraft = data.ahpReports.find((report) => report.status === 'draft');
  return (
    <section aria-labelledby="adjustments-section" data-testid="adjustments-section">
      {heading}
      {open === 'adjustments' ? (
        <AdjustmentsEditor
          participantId={participantId}
          saved={data.saved ?? undefined}
          onSaved={done}
          onCancel={() => setOpen(undefined)}
        />
      ) : (
        <>
          {data.saved === null ? (
            <p>No adjustments yet.</p>
          ) : (
            <>
              <p className="nhsuk-body-s">
                Version {data.saved.version}, saved by {data.saved.savedByName} on {formatDateTime(data.saved.savedAt)}, with the action
                plan.
              </p>
              <AdjustmentsSummary content={data.saved.content} />
            </>
          )}
          {mayDraft && data.currentPlanId === null && (
            <p className="nhsuk-inset-text">Adjustments are saved with the person’s action plan: start the plan first.</p>
          )}
          {mayDraft && (
            <button
              type="button"
              className="nhsuk-button"
              {...offers('adjustments.save')}
              onClick={() => {
                void reload();
                setOpen('adjustments');
              }}
            >
              {data.saved === null ? 'Draft workplace adjustments' : 'Change the adjustments'}
            </button>
          )}
        </>
      )}
      <p>
        Consent to share adjustments with the employer: <strong>{data.employerConsentInForce ? 'in force' : 'not in force'}</strong>
      </p>
      {data.saved !== null && data.employerConsentInForce && (
        <EmployerLetterApprovalPanel
          participantId={participantId}
          adjustmentsVersion={data.saved.version}
          approval={data.employerLetterApproval}
          onApproved={() => void reload()}
        />
      )}
      {data.saved !== null && (
        <EmployerViewPreview
          participantId={participantId}
          refreshKey={`${data.saved.version}|${consentKey}`}
          consentInForce={data.employerConsentInForce}
        />
      )}

      <h3 className="nhsuk-heading-s">AHP Health and Work Report</h3>
      {open === 'ahp' ? (
        <AhpReportForm
          participantId={participantId}
          draft={openDraft}
          adjustments={data.saved?.content}
          onSaved={done}
          onCancel={() => setOpen(undefined)}
        />
      ) : (
        <>
          {data.ahpReports.length === 0 && data.ahpDraftsByOthers.length === 0 && <p>No report yet.</p>}
          {data.ahpDraftsByOthers.map((other) => (
            <p key={other.id} className="ww-secondary-text" data-testid="ahp-draft-by-other">
              Draft by {other.authorName}, {formatDateTime(other.updatedAt)}: not signed, so its text stays with its author.
            </p>
          ))}
          {data.ahpReports.map((report) => (
            <AhpReportSummary
              key={`${report.id}@${report.version}`}
              report={report}
              mayChange={report.authorId === user.userId}
              onEdit={() => setOpen('ahp')}
              onSigned={done}
            />
          ))}
          {/* One draft per person: while another practitioner's is open, a second would be refused. */}
          {mayDraft && openDraft === undefined && data.ahpDraftsByOthers.length === 0 && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              {...offers('adjustments.saveAhpReport')}
              onClick={() => setOpen('ahp')}
            >
              Start an AHP Health and Work Report
            </button>
          )}
        </>
      )}
    </section>
  );
}
