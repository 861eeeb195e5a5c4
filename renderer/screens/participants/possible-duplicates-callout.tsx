import type { ReactNode } from 'react';
import { formatNhsNumber } from '../../../core/nhs-number';
import type { PossibleDuplicate } from '../../../core/schemas/referral';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';

/** Whether any match has the same NHS number: then the person is registered already, and registering again is refused. */
export function hasSameNhsNumber(duplicates: readonly PossibleDuplicate[]): boolean {
  return duplicates.some((match) => match.matchedOn === 'nhs_number');
}

/**
 * The warning that a person may already be registered (registration's duplicate checks, at
 * registering and at accepting a referral): each match links to its record and says why it
 * matched; `action` adds a control under a match, `children` what follows the list.
 */
export function PossibleDuplicatesCallout(props: {
  duplicates: readonly PossibleDuplicate[];
  heading: 'h2' | 'h3';
  testId: string;
  action?: (match: PossibleDuplicate) => ReactNode;
  children?: ReactNode;
}) {
  const { duplicates, testId, action, children } = props;
  const Heading = props.heading;
  return (
    <div className="nhsuk-warning-callout" data-testid={testId}>
      <Heading className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {hasSameNhsNumber(duplicates) ? 'This person is already registered' : 'This person may already be registered'}
        </span>
      </Heading>
      <ul className="nhsuk-list">
        {duplicates.map((match) => (
          <li key={match.id}>
            <a href={routeHref({ name: 'participant', id: match.id })}>
              Open {match.reference}: {match.givenName} {match.familyName}, born {formatDate(match.dateOfBirth)}
              {match.nhsNumber === null ? '' : `, NHS number ${formatNhsNumber(match.nhsNumber)}`}
            </a>{' '}
            ({match.matchedOn === 'nhs_number' ? 'same NHS number' : 'same name and date of birth'}){action?.(match)}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
