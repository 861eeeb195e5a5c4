import { useEffect, useState } from 'react';
import { formatNhsNumber } from '../../core/nhs-number';
import { PARTICIPANT_STATUS_LABELS, type ParticipantPage } from '../../core/schemas/participants';
import type { SignedInUser } from '../../core/schemas/session';
import { useApi } from '../api/api-context';
import { canCall } from '../can-call';
import { ErrorSummary } from '../components/error-summary';
import { formatDate } from '../format';
import { routeHref } from '../routing';
import { PageLayout } from '../components/page-layout';
import { BackupReminder } from './security/backup-reminder';

const PAGE_SIZE = 25;



export interface HomeScreenProps {
  readonly partnershipName: string;
  readonly isDemo: boolean;
  readonly user: SignedInUser;
  readonly onLock: () => void;
}

/** The caseload: everyone the partnership is working with, a page at a time. */
export function HomeScreen({ partnershipName, isDemo, user, onLock }: HomeScreenProps) {
  const api = useApi();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ParticipantPage | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void api.call('participants.list', { page, pageSize: PAGE_SIZE }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setData(result.value);
        setError(undefined);
      } else {
        setError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [api, page]);

  const pageCount = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <PageLayout title="Caseload" partnershipName={partnershipName} isDemo={isDemo} user={user} onLock={onLock}>
      <ErrorSummary fieldErrors={{}} message={error} />
      <BackupReminder />
      {canCall('participants.register', user.role) && (
        <a className="nhsuk-button" href={routeHref({ name: 'register' })} role="button" draggable={false}>
          Register a referral
        </a>
      )}
      {data === undefined && error === undefined && (
        <p role="status" className="nhsuk-body">
          Loading the caseload…
        </p>
      )}
      {data !== undefined && data.total === 0 && (
        <div className="nhsuk-inset-text" data-testid="empty-caseload">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No one is on the caseload yet. People appear here once a Work and Health Coach registers their referral.</p>
        </div>
      )}
      {data !== undefined && data.total > 0 && (
        <>
          <p className="nhsuk-body" role="status">
            {data.total.toLocaleString('en-GB')} people. Page {data.page} of {pageCount.toLocaleString('en-GB')}.
          </p>
          <table className="nhsuk-table" data-testid="caseload-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">People on the caseload, by family name</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Reference</th>
                <th scope="col" className="nhsuk-table__header">Name</th>
                <th scope="col" className="nhsuk-table__header">Date of birth</th>
                <th scope="col" className="nhsuk-table__header">NHS number</th>
                <th scope="col" className="nhsuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {data.items.map((person) => (
                <tr className="nhsuk-table__row" key={person.id}>
                  <td className="nhsuk-table__cell">{person.reference}</td>
                  <td className="nhsuk-table__cell">
                    <a href={routeHref({ name: 'participant', id: person.id })}>
                      {person.familyName.toUpperCase()}, {person.givenName}
                    </a>
                  </td>
                  <td className="nhsuk-table__cell">{formatDate(person.dateOfBirth)}</td>
                  <td className="nhsuk-table__cell">{person.nhsNumber === null ? 'Not recorded' : formatNhsNumber(person.nhsNumber)}</td>
                  <td className="nhsuk-table__cell">
                    {PARTICIPANT_STATUS_LABELS[person.status]}
                    {person.hasOpenRiskFlag && (
                      <>
                        {' '}
                        <strong className="nhsuk-tag nhsuk-tag--red">Risk flag</strong>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="ww-pager" aria-label="Caseload pages">
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous page
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
              Next page
            </button>
          </nav>
        </>
      )}
    </PageLayout>
  );
}
