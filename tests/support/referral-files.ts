import { syntheticNhsNumber } from '../../core/nhs-number';
import { OPTIONAL_REFERRAL_CSV_COLUMNS, REFERRAL_CSV_COLUMNS } from '../../core/referrals/referral-csv';
import { REFERRAL_EXTENSION } from '../../core/referrals/referral-fhir';
import { NHS_NUMBER_SYSTEM, REFERRAL_ROUTE_SYSTEM } from '../../core/fhir/fhir-codes';

type CsvRow = Partial<Record<(typeof REFERRAL_CSV_COLUMNS)[number] | (typeof OPTIONAL_REFERRAL_CSV_COLUMNS)[number], string>>;

/** A good CSV row for a synthetic person (NHS number from the 999 test range); override any cell. */
export function referralCsvRow(sequence: number, overrides: CsvRow = {}): CsvRow {
  return {
    given_name: `Sam${sequence}`,
    family_name: 'Importperson',
    date_of_birth: '1980-05-17',
    nhs_number: syntheticNhsNumber(800_000 + sequence),
    phone: '07700 900456',
    preferred_contact: 'phone',
    postcode: 'S1 2HE',
    employment_status: 'out_of_work_recent',
    weeks_out_of_work: '6',
    employer_name: 'Example Foods, "North" site',
    referral_date: '2026-11-20',
    route: 'jobcentre_plus',
    referrer_name: 'Work coach Example',
    reason: 'Anxiety since redundancy;\nwants to get back to work.',
    consent_to_contact: 'yes',
    ...overrides,
  };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A referral CSV with the checked column list (in reverse order, to show order is free), plus the
 * optional columns (GP practice, monitoring) only when some row fills one, as an older file would lack them.
 */
export function referralCsv(rows: readonly CsvRow[]): string {
  const optional = OPTIONAL_REFERRAL_CSV_COLUMNS.filter((column) => rows.some((row) => row[column] !== undefined));
  const columns = [...REFERRAL_CSV_COLUMNS, ...optional].reverse();
  return [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column] ?? '')).join(','))].join('\r\n') + '\r\n';
}

/** One ServiceRequest + its Patient, as two bundle entries; `patient` adds to (or overrides) the Patient's elements. */
export function referralBundleEntries(
  sequence: number,
  request: Record<string, unknown> = {},
  patient: Record<string, unknown> = {},
): unknown[] {
  const fullUrl = `urn:uuid:00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return [
    {
      fullUrl,
      resource: {
        resourceType: 'Patient',
        identifier: [{ system: NHS_NUMBER_SYSTEM, value: syntheticNhsNumber(810_000 + sequence) }],
        name: [{ given: [`Robin${sequence}`], family: 'Bundleperson' }],
        birthDate: '1975-01-30',
        telecom: [{ system: 'phone', value: '07700 900789' }],
        address: [{ line: ['1 Example Street'], city: 'Sheffield', postalCode: 'S10 2TN' }],
        ...patient,
      },
    },
    {
      resource: {
        resourceType: 'ServiceRequest',
        status: 'active',
        intent: 'order',
        subject: { reference: fullUrl },
        authoredOn: '2026-11-25',
        requester: { display: 'Dr Example' },
        category: [{ coding: [{ system: REFERRAL_ROUTE_SYSTEM, code: 'gp' }] }],
        reasonCode: [{ text: 'Low back pain, off work three weeks.' }],
        extension: [
          { url: REFERRAL_EXTENSION.employmentStatus, valueCode: 'off_sick_fit_note' },
          { url: REFERRAL_EXTENSION.consentToContact, valueBoolean: true },
          { url: REFERRAL_EXTENSION.preferredContactMode, valueCode: 'phone' },
          { url: REFERRAL_EXTENSION.employerName, valueString: 'Example Steel Ltd' },
        ],
        ...request,
      },
    },
  ];
}

/** A FHIR R4 collection Bundle of the entries given. */
export function referralBundle(entries: readonly unknown[]): string {
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries });
}
