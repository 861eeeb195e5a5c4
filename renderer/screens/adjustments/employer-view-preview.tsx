import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../core/app-error';
import type { EmployerView } from '../../../core/schemas/employer-view';
import { useApi } from '../../api/api-context';
import { canCall, offers, whoMay } from '../../can-call';
import { DownloadPdfButtons } from '../../components/download-pdf-buttons';
import { SummaryList } from '../../components/summary-list';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { ScheduleTable } from './schedule-table';
import { employerContactLine } from '../../../core/adjustments/employer-view';

export interface EmployerViewPreviewProps {
  readonly participantId: string;
  /** Changes whenever anything the view depends on changes (a save, a consent decision), so an open preview asks again. */
  readonly refreshKey: string;
  /** Whether consent to share with the employer is in force: without it every letter download would be refused. */
  readonly consentInForce: boolean;
}

type PreviewState =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'shown'; readonly view: EmployerView }
  | { readonly kind: 'refused'; readonly error: AppErrorShape };

/**
 * Exactly what the employer would receive, fetched from the services layer (which builds it from
 * an allow-list and refuses without consent), so the team sees the real thing, not a copy of it.
 */
export function EmployerViewPreview({ participantId, refreshKey, consentInForce }: EmployerViewPreviewProps) {
  const api = useApi();
  const { user } = useSession();
  const [state, setState] = useState<PreviewState>({ kind: 'closed' });
  const open = state.kind !== 'closed';
  const openRef = useRef(open);
  openRef.current = open;
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await api.call('adjustments.employerView', { participantId });
    setState(result.ok ? { kind: 'shown', view: result.value } : { kind: 'refused', error: result.error });
  }, [api, participantId]);

  // An open preview asks again when what it shows may have changed (a save, a consent withdrawn).
  useEffect(() => {
    if (openRef.current) void load();
  }, [refreshKey, load]);

  return (
    <section aria-labelledby="employer-view-heading" className="ww-employer-view" data-testid="employer-view">
      <h3 className="nhsuk-heading-s" id="employer-view-heading">
        Employer view
      </h3>
      {!open ? (
        <>
          <p>
            See exactly what the employer would receive: the needs, adjustments, schedule, review date and who to contact. Nothing clinical
            is ever included.
          </p>
          {canCall('adjustments.employerView', user.role) && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              {...offers('adjustments.employerView')}
              onClick={() => void load()}
            >
              Preview the employer view
            </button>
          )}
        </>
      ) : (
        <>
          <div aria-live="polite">
            {state.kind === 'loading' && <p role="status">Preparing the employer view…</p>}
            {state.kind === 'refused' && <RefusedPreview error={state.error} mayRecordConsent={canCall('consents.record', user.role)} />}
          </div>
          {state.kind === 'shown' && <EmployerDocument view={state.view} />}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setState({ kind: 'closed' })}>
            Close the preview
          </button>
        </>
      )}
      {canCall('documents.employerLetterPdf', user.role) && (
        <DownloadPdfButtons
          channel="documents.employerLetterPdf"
          options={[
            { label: 'Download the draft letter (PDF)', input: { participantId, final: false } },
            // Refused, with what is missing, until the MDT has agreed the plan and the person has approved the letter.
            { label: 'Download the final letter to send (PDF)', input: { participantId, final: true } },
          ]}
          testId="download-employer-letter-pdf"
          blockedReason={
            consentInForce ? undefined : 'The letters cannot be downloaded: the person has not consented to sharing with the employer.'
          }
        />
      )}
    </section>
  );
}

function RefusedPreview({ error, mayRecordConsent }: { error: AppErrorShape; mayRecordConsent: boolean }) {
  if (error.code !== 'FORBIDDEN') return <p className="nhsuk-inset-text">{error.message}</p>;
  return (
    <div className="nhsuk-warning-callout" data-testid="employer-view-blocked">
      <h4 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Blocked: no consent to share with the employer
        </span>
      </h4>
      <p>{error.message}</p>
      <p>
        {mayRecordConsent
          ? 'If the person now agrees, record their decision under Consent on this page and preview again.'
          : `If the person now agrees, ask the ${whoMay('consents.record')} to record their decision, then preview again.`}
      </p>
    </div>
  );
}

/** The employer's document as a page: what a PDF export will print. */
function EmployerDocument({ view }: { view: EmployerView }) {
  return (
    <div className="ww-employer-document" data-testid="employer-document">
      <p className="nhsuk-body-s">This is what the employer would receive.</p>
      <SummaryList
        rows={[
          ['Employee', view.employeeName],
          ['Employer', view.employerName ?? 'Not recorded'],
          ['Review by', view.reviewOn === null ? 'No review date' : formatDate(view.reviewOn)],
          ['Contact', employerContactLine(view.contact)],
        ]}
      />
      <h4 className="nhsuk-heading-xs">What they need at work</h4>
      {view.functionalNeeds.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {view.functionalNeeds.map((need) => (
            <li key={need}>{need}</li>
          ))}
        </ul>
      )}
      <h4 className="nhsuk-heading-xs">Recommended adjustments</h4>
      {view.adjustments.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="nhsuk-list">
          {view.adjustments.map((adjustment, index) => (
            <li key={index}>
              <strong>{adjustment.recommendation}</strong> ({adjustment.categoryLabel}): {adjustment.functionalNeed}. From{' '}
              {formatDate(adjustment.startOn)} for {adjustment.durationWeeks} {adjustment.durationWeeks === 1 ? 'week' : 'weeks'}, review by{' '}
              {formatDate(adjustment.reviewOn)}. {adjustment.statusLabel}.
            </li>
          ))}
        </ul>
      )}
      {view.gradedReturn !== null && (
        <ScheduleTable
          caption="Phased return: week by week"
          contractedHoursPerWeek={view.gradedReturn.contractedHoursPerWeek}
          weeks={view.gradedReturn.weeks}
        />
      )}
      <p className="nhsuk-body-s">{view.notice}</p>
    </div>
  );
}
