import { todayInLondon } from '../../../core/clock';
import { nhsNumberOrNotRecorded } from '../../../core/nhs-number';
import {
  CASELOAD_SORT_LABELS,
  PARTICIPANT_STATUS_LABELS,
  type CaseloadSort,
  type ParticipantSummary,
} from '../../../core/schemas/participants';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';

export interface CaseloadTableProps {
  readonly items: readonly ParticipantSummary[];
  readonly sort: CaseloadSort;
  /** While the next page or search is on its way: the rows stay, marked busy, so nothing jumps. */
  readonly busy: boolean;
}

/** One page of people: reference, name (opens the record), date of birth, NHS number, status with any risk flag, next review. */
export function CaseloadTable({ items, sort, busy }: CaseloadTableProps) {
  const today = todayInLondon();
  return (
    <table className="nhsuk-table ww-caseload-table" data-testid="caseload-table" aria-busy={busy}>
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
        People on the caseload, sorted by {CASELOAD_SORT_LABELS[sort].toLowerCase()}
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Reference
          </th>
          <th scope="col" className="nhsuk-table__header">
            Name
          </th>
          <th scope="col" className="nhsuk-table__header">
            Date of birth
          </th>
          <th scope="col" className="nhsuk-table__header">
            NHS number
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
          <th scope="col" className="nhsuk-table__header">
            Next review
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((person) => (
          <tr className="nhsuk-table__row" key={person.id}>
            <td className="nhsuk-table__cell ww-nowrap">{person.reference}</td>
            <td className="nhsuk-table__cell">
              <a href={routeHref({ name: 'participant', id: person.id })}>
                {person.familyName.toUpperCase()}, {person.givenName}
              </a>
            </td>
            <td className="nhsuk-table__cell">{formatDate(person.dateOfBirth)}</td>
            <td className="nhsuk-table__cell ww-nowrap">{nhsNumberOrNotRecorded(person.nhsNumber)}</td>
            <td className="nhsuk-table__cell">
              {PARTICIPANT_STATUS_LABELS[person.status]}
              {person.serviceWithdrawnOn !== null && (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--grey">Consent withdrawn</strong>
                </>
              )}
              {person.hasOpenRiskFlag && (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--red">Risk flag</strong>
                </>
              )}
            </td>
            <td className="nhsuk-table__cell">
              {person.nextReviewOn === null ? (
                <span className="ww-caseload-none">None</span>
              ) : (
                <>
                  {formatDate(person.nextReviewOn)}
                  {person.nextReviewOn <= today && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--orange">{person.nextReviewOn < today ? 'Overdue' : 'Due today'}</strong>
                    </>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
