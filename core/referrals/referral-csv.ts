import { AppError } from '../app-error';
import { checkReferral, type ParsedReferrals, type ReadReferral, type RefusedReferral } from './parsed-referrals';

/**
 * The columns of a referral CSV (README, "Importing referrals"), every one required in the header
 * (in any order), so a file from another system is refused whole rather than read with a column
 * silently missing. Blank cells are blank fields.
 */
export const REFERRAL_CSV_COLUMNS = [
  'given_name',
  'family_name',
  'date_of_birth',
  'nhs_number',
  'phone',
  'email',
  'address',
  'postcode',
  'preferred_contact',
  'employment_status',
  'weeks_out_of_work',
  'employer_name',
  'work_postcode',
  'job_title',
  'referral_date',
  'route',
  'referrer_name',
  'referrer_organisation',
  'referrer_contact',
  'reason',
  'consent_to_contact',
] as const;

/**
 * Columns a referral CSV may add (the GP practice and the monitoring answers, with registration's
 * codes): a file made before they existed still reads, and one that has them must name them
 * exactly. Any other column still refuses the file.
 */
export const OPTIONAL_REFERRAL_CSV_COLUMNS = [
  'gp_practice_ods_code',
  'gp_practice_name',
  'sex',
  'ethnic_category',
  'disability',
  'benefit_status',
] as const;
type Column = (typeof REFERRAL_CSV_COLUMNS)[number] | (typeof OPTIONAL_REFERRAL_CSV_COLUMNS)[number];
const KNOWN_COLUMNS: readonly string[] = [...REFERRAL_CSV_COLUMNS, ...OPTIONAL_REFERRAL_CSV_COLUMNS];

/** The largest file read: far above any day's referrals, small enough to hold in memory. */
export const MAX_REFERRAL_CSV_ROWS = 10_000;

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += char;
  }
  if (quoted) throw new AppError('VALIDATION', 'The CSV file ends inside a quoted cell. Nothing was imported.');
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records.filter((cells) => !(cells.length === 1 && cells[0]?.trim() === ''));
}

function headerIndex(header: readonly string[]): Map<Column, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !KNOWN_COLUMNS.includes(name));
  const missing = REFERRAL_CSV_COLUMNS.filter((column) => !names.includes(column));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `not known ${unknown.join(', ')}` : '',
      repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
    ].filter((part) => part !== '');
    throw new AppError('VALIDATION', `The CSV header is not the referral column list (${parts.join('; ')}). Nothing was imported.`);
  }
  return new Map((KNOWN_COLUMNS as readonly Column[]).map((column) => [column, names.indexOf(column)]));
}

function yesNo(value: string): boolean | string {
  const answer = value.trim().toLowerCase();
  if (answer === 'yes') return true;
  if (answer === 'no') return false;
  return value; // anything else fails the schema's boolean check with its own message
}

function wholeNumberOrNull(value: string): number | null | string {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** One row as the inbox schema's input; blank optional cells are left out. */
function rowToCandidate(cell: (column: Column) => string): unknown {
  const optional = (column: Column) => (cell(column).trim() === '' ? undefined : cell(column));
  const optionalCode = (column: Column) => optional(column)?.trim().toLowerCase() ?? null;
  return {
    person: {
      givenName: cell('given_name'),
      familyName: cell('family_name'),
      dateOfBirth: cell('date_of_birth').trim(),
      nhsNumber: optional('nhs_number'),
      phone: optional('phone'),
      email: optional('email'),
      address: optional('address'),
      postcode: optional('postcode'),
      preferredContactMode: cell('preferred_contact').trim(),
    },
    employment: {
      status: cell('employment_status').trim(),
      weeksOutOfWork: wholeNumberOrNull(cell('weeks_out_of_work')),
      employerName: optional('employer_name'),
      workPostcode: optional('work_postcode'),
      jobTitle: optional('job_title'),
    },
    referral: {
      date: cell('referral_date').trim(),
      route: cell('route').trim(),
      referrerName: optional('referrer_name'),
      referrerOrganisation: optional('referrer_organisation'),
      referrerContact: optional('referrer_contact'),
      reason: cell('reason'),
    },
    consentToContact: yesNo(cell('consent_to_contact')),
    // Both practice cells blank is "not known"; one without the other is refused by the schema.
    gpPractice:
      optional('gp_practice_ods_code') === undefined && optional('gp_practice_name') === undefined
        ? null
        : { odsCode: cell('gp_practice_ods_code'), name: cell('gp_practice_name') },
    monitoring: {
      sex: optionalCode('sex'),
      ethnicity: optional('ethnic_category')?.trim().toUpperCase() ?? null,
      disability: optionalCode('disability'),
      benefitStatus: optionalCode('benefit_status'),
    },
  };
}

/**
 * Reads a referral CSV. A wrong header, or a file that is not CSV, refuses the whole file (a
 * typed VALIDATION error); otherwise each row is checked on its own and a bad one is refused with
 * its row number (the spreadsheet's: the header is row 1) and reason, never taking others with it.
 */
export function parseReferralCsv(text: string): ParsedReferrals {
  const records = csvRecords(text);
  const [header, ...rows] = records;
  if (header === undefined) throw new AppError('VALIDATION', 'The CSV file is empty. Nothing was imported.');
  if (rows.length > MAX_REFERRAL_CSV_ROWS)
    throw new AppError('VALIDATION', `The CSV file has more than ${MAX_REFERRAL_CSV_ROWS} rows. Split it. Nothing was imported.`);
  const columns = headerIndex(header);
  const into: { referrals: ReadReferral[]; refused: RefusedReferral[] } = { referrals: [], refused: [] };
  rows.forEach((row, index) => {
    const at = index + 2;
    if (row.length !== header.length) {
      into.refused.push({ at, reason: `has ${row.length} cells where the header has ${header.length}` });
      return;
    }
    checkReferral(
      at,
      rowToCandidate((column) => row[columns.get(column) ?? -1] ?? ''),
      into,
    );
  });
  return into;
}
