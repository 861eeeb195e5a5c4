import { RETENTION_YEARS } from '../../../core/retention';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
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
        A person's record is kept for {RETENTION_YEARS} years after they leave the service. After that it is due for review: delete it,
        unless it must be kept for a legal reason, such as a claim or a complaint, in which case place a legal hold. A record on legal hold
        cannot be deleted.
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      {items === undefined && error === undefined && <p className="nhsuk-body">Loading…</p>}
      {items !== undefined && items.length === 0 && <p className="nhsuk-body">No records are due for retention review.</p>}
      {items !== undefined && items.length > 0 && (
        <ListTable
          caption={`${items.length === 1 ? '1 record is' : `${items.length} records are`} due for retention review`}
          captionVisible
          testId="retention-table"
          rows={items}
          rowKey={(item) => item.participantId}
          columns={[
            {
              header: 'Reference',
              cell: (item) => (
                <a href={routeHref({ name: 'retention-record', id: item.participantId })}>
                  {item.reference}
                  <span className="nhsuk-u-visually-hidden">: review this record</span>
                </a>
              ),
            },
            { header: 'Name', cell: (item) => item.name },
            { header: 'Left the service', cell: (item) => formatDate(item.exitedOn) },
            { header: 'Due for review from', cell: (item) => formatDate(item.reviewDueOn) },
            { header: 'Legal hold', cell: (item) => <LegalHoldTag hold={item.legalHold} /> },
          ]}
        />
      )}
    </SettingsPage>
  );
}
