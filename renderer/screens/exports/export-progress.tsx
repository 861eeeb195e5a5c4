import type { ExportJob } from '../../../core/schemas/fhir-export';

const STATE_HEADINGS: Readonly<Record<ExportJob['state'], string>> = {
  running: 'Exporting…',
  finished: 'Export finished',
  cancelled: 'Export cancelled',
  failed: 'Export stopped',
};

/**
 * The running (or last) partnership export: a progress bar with the counts, Cancel while it runs,
 * and afterwards the people left out or not delivered, with the reason.
 */
export function ExportProgress({ job, onCancel, cancelling }: { job: ExportJob; onCancel: () => void; cancelling: boolean }) {
  const { total, processed, included, skipped, failed } = job.progress;
  const counts = `${processed.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} people checked: ${included.toLocaleString('en-GB')} included, ${skipped.toLocaleString('en-GB')} skipped, ${failed.toLocaleString('en-GB')} failed.`;
  return (
    <div className="ww-export-progress" data-testid="export-progress">
      <h3 className="nhsuk-heading-s">{STATE_HEADINGS[job.state]}</h3>
      <label className="nhsuk-label" htmlFor="export-progress-bar">
        Progress
      </label>
      <progress
        id="export-progress-bar"
        className="ww-export-progress__bar"
        max={Math.max(total, 1)}
        value={processed}
        aria-describedby="export-progress-counts"
      />
      <p className="nhsuk-body" id="export-progress-counts" role="status" aria-live="polite" data-testid="export-counts">
        {counts}
      </p>
      {job.message !== null && <p className="nhsuk-body">{job.message}</p>}
      {job.state === 'running' && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel the export'}
        </button>
      )}
      {job.state !== 'running' && job.problems.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">People not included ({(skipped + failed).toLocaleString('en-GB')})</span>
          </summary>
          <div className="nhsuk-details__text">
            <table className="nhsuk-table" data-testid="export-problems">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">People skipped or not delivered, with the reason</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Reference
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Outcome
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {job.problems.map((problem) => (
                  <tr key={problem.participantReference} className="nhsuk-table__row">
                    <td className="nhsuk-table__cell">{problem.participantReference}</td>
                    <td className="nhsuk-table__cell">{problem.outcome === 'failed' ? 'Not delivered' : 'Skipped'}</td>
                    <td className="nhsuk-table__cell">{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {skipped + failed > job.problems.length && (
              <p className="nhsuk-body-s">The first {job.problems.length} are shown. The export log lists everyone.</p>
            )}
          </div>
        </details>
      )}
    </div>
  );
}
