import { RETENTION_YEARS_BY_KIND } from '../../../core/retention';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { LegalHoldTag } from './legal-hold-tag';
import { SettingsPage } from './settings-page';
import { useRetentionDue } from './use-retention-due';

/** Retention review for administrators: records due under their retention rule, each shown with the rule used. */
export function RetentionScreen() {
  const { items, error } = useRetentionDue();
  return (
    <SettingsPage title="Retention review" back="settings">
      <p className="nhsuk-body">
        A mental health record is kept for {RETENTION_YEARS_BY_KIND.mental_health} years after the last contact, any other record for{' '}
        {RETENTION_YEARS_BY_KIND.adult_health} years (NHS Records Management Code of Practice). The years count from the later of the last
        contact and leaving the service, so people who never left are reviewed too. After that a record is due for review: delete it, unless
        it must be kept for a legal reason, such as a claim or a complaint, in which case place a legal hold. A record on legal hold cannot
        be deleted.
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
            { header: 'Left the service', cell: (item) => (item.exitedOn === null ? 'Not left' : formatDate(item.exitedOn)) },
            { header: 'Rule used', cell: (item) => item.rule },
            { header: 'Due for review from', cell: (item) => formatDate(item.reviewDueOn) },
            { header: 'Legal hold', cell: (item) => <LegalHoldTag hold={item.legalHold} /> },
          ]}
        />
      )}
    </SettingsPage>
  );
}
