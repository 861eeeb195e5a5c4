import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { RISK_ACTION_LABELS } from '../../../core/schemas/risk-flag';
import { formatDate, formatDateTime } from '../../format';

/**
 * Acknowledged risk flags stay in the record's history: when each was raised, who acknowledged it
 * and when, the action taken and their note.
 */
export function RiskFlagHistory({ flags }: { flags: ParticipantRecord['acknowledgedRiskFlags'] }) {
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="risk-history-heading" data-testid="risk-flag-history">
      <h2 className="nhsuk-heading-m" id="risk-history-heading">
        Risk flags acknowledged
      </h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Risk flags acknowledged, newest first</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Raised
            </th>
            <th scope="col" className="nhsuk-table__header">
              Acknowledged
            </th>
            <th scope="col" className="nhsuk-table__header">
              Action taken
            </th>
            <th scope="col" className="nhsuk-table__header">
              Note
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {flags.map((flag) => (
            <tr className="nhsuk-table__row" key={flag.id}>
              <td className="nhsuk-table__cell">{formatDate(flag.raisedOn)}</td>
              <td className="nhsuk-table__cell">
                {flag.acknowledgedBy}, {formatDateTime(flag.acknowledgedAt)}
              </td>
              <td className="nhsuk-table__cell">{flag.action === null ? 'Not recorded' : RISK_ACTION_LABELS[flag.action]}</td>
              <td className="nhsuk-table__cell">{flag.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
