import { nhsNumberOrNotRecorded } from '../../core/nhs-number';
import type { ParticipantRecord } from '../../core/schemas/participant-record';
import { dateOr } from './document-meta';

/** Who a document is about, as the record names them (a document about a person prints no more of them than this). */
export interface DocumentPerson {
  readonly name: string;
  readonly dateOfBirth: string;
  readonly nhsNumber: string | null;
  readonly reference: string;
}

/** The person a document is about, from their record: their name as "given family", so every document writes it alike. */
export function documentPerson(
  record: Pick<ParticipantRecord, 'givenName' | 'familyName' | 'dateOfBirth' | 'nhsNumber' | 'reference'>,
): DocumentPerson {
  return {
    name: `${record.givenName} ${record.familyName}`,
    dateOfBirth: record.dateOfBirth,
    nhsNumber: record.nhsNumber,
    reference: record.reference,
  };
}

/**
 * The summary rows that say who a document is about: name and date of birth and, with
 * `withIdentifiers` (letters to the GP or referrer, who file them against the person), the NHS
 * number and WorkWell reference. A form with its own layout (the AHP report) asks for the first two.
 */
export function personRows(person: DocumentPerson, withIdentifiers: boolean): ReadonlyArray<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [
    ['Name', person.name],
    ['Date of birth', dateOr(person.dateOfBirth, 'Not recorded')],
  ];
  if (withIdentifiers) {
    rows.push(['NHS number', nhsNumberOrNotRecorded(person.nhsNumber)], ['WorkWell reference', person.reference]);
  }
  return rows;
}
