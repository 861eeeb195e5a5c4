import { routeHref } from '../../routing';

/** A person as lists of people name them, FAMILY, Given, linked to their record; the reference follows. */
export function PersonLink({ person }: { person: { participantId: string; reference: string; givenName: string; familyName: string } }) {
  return (
    <>
      <a href={routeHref({ name: 'participant', id: person.participantId })}>
        {person.familyName.toUpperCase()}, {person.givenName}
      </a>{' '}
      <span className="ww-nowrap">({person.reference})</span>
    </>
  );
}
