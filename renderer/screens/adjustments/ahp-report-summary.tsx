import { useState } from 'react';
import { ADJUSTMENT_CATEGORY_LABELS } from '../../../core/adjustments/adjustment-library';
import { AHP_FITNESS_LABELS, AHP_PROFESSION_LABELS, type AhpReport } from '../../../core/schemas/ahp-report';
import { useApi } from '../../api/api-context';
import { canCall, offers } from '../../can-call';
import { DownloadPdfButtons } from '../../components/download-pdf-buttons';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { ColumnHeaders } from '../../components/column-headers';

export interface AhpReportSummaryProps {
  readonly report: AhpReport;
  /** Whether the signed-in user may edit and sign it: their own draft. */
  readonly mayChange: boolean;
  readonly onEdit: () => void;
  readonly onSigned: () => void;
}

/** One AHP Health and Work Report to read; its author can edit and sign the draft, after which it is locked. */
export function AhpReportSummary({ report, mayChange, onEdit, onSigned }: AhpReportSummaryProps) {
  const api = useApi();
  const { user } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // Signing cannot be undone: it is asked for, then confirmed.
  const [confirming, setConfirming] = useState(false);
  const sign = async () => {
    setBusy(true);
    const result = await api.call('adjustments.signAhpReport', {
      participantId: report.participantId,
      reportId: report.id,
      version: report.version,
    });
    setBusy(false);
    setConfirming(false);
    if (result.ok) onSigned();
    else setProblem(result.error.message);
  };
  const practitioner = report.practitioner;
  return (
    <div className="ww-ahp-report" data-testid="ahp-report">
      <p>
        <strong className={`nhsuk-tag ${report.status === 'signed' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
          {report.status === 'signed' ? 'Signed' : 'Draft'}
        </strong>{' '}
        {report.status === 'signed' && report.signedAt !== null
          ? `Signed ${formatDateTime(report.signedAt)}`
          : `Started by ${report.authorName}`}
      </p>
      <SummaryList
        rows={[
          ['Advice', AHP_FITNESS_LABELS[report.fitness]],
          ['Period', `${formatDate(report.periodFrom)} to ${formatDate(report.periodTo)}`],
          ['Follow-up', report.followUpOn === null ? 'None set' : formatDate(report.followUpOn)],
          [
            'May be fit with',
            report.categories.length === 0
              ? 'Not applicable'
              : report.categories.map((category) => ADJUSTMENT_CATEGORY_LABELS[category]).join(', '),
          ],
          [
            'Practitioner',
            practitioner === null
              ? 'Added when signed'
              : `${practitioner.name}, ${AHP_PROFESSION_LABELS[practitioner.profession]}, HCPC ${practitioner.hcpcNumber}`,
          ],
          ['Organisation', report.organisation],
          ['Date assessed', formatDate(report.assessedOn)],
        ]}
      />
      {report.difficulties.length > 0 && (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Difficulties at work</caption>
          <ColumnHeaders headers={['Difficulty', 'Recommendation', 'Goal']} />
          <tbody className="nhsuk-table__body">
            {report.difficulties.map((row) => (
              <tr className="nhsuk-table__row" key={row.id}>
                <td className="nhsuk-table__cell">{row.difficulty}</td>
                <td className="nhsuk-table__cell">{row.recommendation}</td>
                <td className="nhsuk-table__cell">{row.goal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canCall('documents.ahpReportPdf', user.role) && (
        <DownloadPdfButtons
          channel="documents.ahpReportPdf"
          options={[
            {
              label: report.status === 'signed' ? 'Download the report (PDF)' : 'Download the draft report (PDF)',
              input: { participantId: report.participantId, reportId: report.id },
            },
          ]}
          testId="download-ahp-report-pdf"
        />
      )}
      {report.status === 'draft' && mayChange && (
        <>
          <ErrorSummary title="The report cannot be signed yet" fieldErrors={{}} message={problem} />
          {confirming ? (
            <div className="nhsuk-warning-callout" role="group" aria-labelledby={`sign-report-${report.id}`}>
              <h4 className="nhsuk-warning-callout__label" id={`sign-report-${report.id}`}>
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>Sign this report?
                </span>
              </h4>
              <p>Signing adds your name, profession and HCPC number from the team record. A signed report cannot be changed.</p>
              <div className="ww-actions">
                <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void sign()}>
                  Yes, sign the report
                </button>
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <>
              <div className="ww-actions">
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary"
                  {...offers('adjustments.saveAhpReport')}
                  onClick={onEdit}
                >
                  Edit the draft report
                </button>
                <button type="button" className="nhsuk-button" {...offers('adjustments.signAhpReport')} onClick={() => setConfirming(true)}>
                  Sign the report
                </button>
              </div>
              <p className="nhsuk-body-s">
                Signing adds your name, profession and HCPC number from the team record. A signed report cannot be changed.
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}
