import { RETENTION_YEARS } from '../../../core/retention';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { LegalHoldTag } from './legal-hold-tag';
import { SettingsPage } from './settings-page';
import { useRetentionDue } from './use-retention-due';

/** Retention review for administrators: records whose person left the service 8 or more years ago. */
export function RetentionScreen() {
  const { items, error } = useRetentionDue();
  return (
    <SettingsPage title="Retention review" back="settings">
      <p className="nhsuk-body">
        A person's record is kept for {RETENTION_YEARS} years after they leave the service. After that it is due for review: delete it, unless it must be kept for a legal reason, such as a
        claim or a complaint, in which case place a legal hold. A record on legal hold cannot be deleted.
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      {items === undefined && error === undefined && <p className="nhsuk-body">Loading…</p>}
      {items !== undefined && items.length === 0 && <p className="nhsuk-body">No records are due for retention review.</p>}
      {items !== undefined && items.length > 0 && (
        <table className="nhsuk-table" data-testid="retention-table">
          <caption className="nhsuk-table__caption">
            {items.length === 1 ? '1 record is' : `${items.length} records are`} due for retention review
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Reference</th>
              <th scope="col" className="nhsuk-table__header">Name</th>
              <th scope="col" className="nhsuk-table__header">Left the service</th>
              <th scope="col" className="nhsuk-table__header">Due for review from</th>
              <th scope="col" className="nhsuk-table__header">Legal hold</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {items.map((item) => (
              <tr className="nhsuk-table__row" key={item.participantId}>
                <td className="nhsuk-table__cell">
                  <a href={routeHref({ name: 'retention-record', id: item.participantId })}>
                    {item.reference}
                    <span className="nhsuk-u-visually-hidden">: review this record</span>
                  </a>
                </td>
                <td className="nhsuk-table__cell">{item.name}</td>
                <td className="nhsuk-table__cell">{formatDate(item.exitedOn)}</td>
                <td className="nhsuk-table__cell">{formatDate(item.reviewDueOn)}</td>
                <td className="nhsuk-table__cell">
                  <LegalHoldTag hold={item.legalHold} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SettingsPage>
  );
}
