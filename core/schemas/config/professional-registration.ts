/**
 * Professional bodies a WorkWell team member may be registered with, and the format checks on
 * their registration numbers. A check is strict only where the regulator publishes a stable
 * format; elsewhere it only refuses what cannot be a number. Formats are checked, not looked up:
 * the app works offline and does not query the registers.
 */
export const PROFESSIONAL_BODIES = ['hcpc', 'nmc', 'bacp', 'ukcp', 'babcp', 'gmc', 'swe', 'none'] as const;
export type ProfessionalBody = (typeof PROFESSIONAL_BODIES)[number];

export const PROFESSIONAL_BODY_LABELS: Readonly<Record<ProfessionalBody, string>> = {
  hcpc: 'HCPC (Health and Care Professions Council)',
  nmc: 'NMC (Nursing and Midwifery Council)',
  bacp: 'BACP (British Association for Counselling and Psychotherapy)',
  ukcp: 'UKCP (UK Council for Psychotherapy)',
  babcp: 'BABCP (British Association for Behavioural and Cognitive Psychotherapies)',
  gmc: 'GMC (General Medical Council)',
  swe: 'Social Work England',
  none: 'None (for example a Work and Health Coach)',
};

/** Short names for tables. */
export const PROFESSIONAL_BODY_SHORT_NAMES: Readonly<Record<ProfessionalBody, string>> = {
  hcpc: 'HCPC',
  nmc: 'NMC',
  bacp: 'BACP',
  ukcp: 'UKCP',
  babcp: 'BABCP',
  gmc: 'GMC',
  swe: 'Social Work England',
  none: 'None',
};

interface RegistrationFormat {
  readonly pattern: RegExp;
  /** Shown in the hint and in the error message. */
  readonly example: string;
  readonly message: string;
}

/**
 * HCPC: the profession code then up to six digits ("PH123456 or PYL123456", HCPC, "How to check
 * the Register"). Codes from HCPC's registrant snapshots: AS, BS, CH, CS, DT, HAD, ODP, OR, OT,
 * PA, PH, PO, PYL, RA, SL. Most are two letters; three are three (HAD, ODP, PYL).
 */
const HCPC_PROFESSION_CODES = ['AS', 'BS', 'CH', 'CS', 'DT', 'HAD', 'ODP', 'OR', 'OT', 'PA', 'PH', 'PO', 'PYL', 'RA', 'SL'] as const;

/** Accepts most ids a membership body issues: letters, digits, "-" and "/", with at least one digit. */
const GENERIC: RegistrationFormat = {
  pattern: /^(?=.*\d)[A-Z0-9][A-Z0-9/-]{2,19}$/,
  example: '123456',
  message: 'Enter the membership or registration number: 3 to 20 letters and digits, including at least one digit',
};

const FORMATS: Readonly<Record<Exclude<ProfessionalBody, 'none'>, RegistrationFormat>> = {
  hcpc: {
    pattern: new RegExp(`^(${HCPC_PROFESSION_CODES.join('|')})\\d{1,6}$`),
    example: 'PH123456',
    message: 'Enter an HCPC number: the profession code then up to 6 digits, like PH123456 or OT12345',
  },
  // NMC PIN: 8 characters, two digits (year of registration), a letter, four digits, a letter, as
  // printed on NMC registration documents (for example 12A3456E).
  nmc: {
    pattern: /^\d{2}[A-Z]\d{4}[A-Z]$/,
    example: '12A3456E',
    message: 'Enter an NMC PIN: 2 digits, a letter, 4 digits and a letter, like 12A3456E',
  },
  // GMC reference number: 7 digits, as shown on the medical register.
  gmc: { pattern: /^\d{7}$/, example: '1234567', message: 'Enter a GMC reference number: 7 digits, like 1234567' },
  // Social Work England: "SW" then digits; numbers transferred from HCPC lost their leading zeros
  // in 2019 (Social Work England transition FAQs), so the digit count varies.
  swe: { pattern: /^SW[1-9]\d{0,6}$/, example: 'SW123456', message: 'Enter a Social Work England number: SW then digits, like SW123456' },
  // BACP, UKCP and BABCP publish no fixed format for membership or accreditation numbers.
  bacp: GENERIC,
  ukcp: GENERIC,
  babcp: GENERIC,
};

/** Upper case without spaces: "ph 123 456" and "PH123456" are the same number. */
export function normaliseRegistrationNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** An example number for the form's hint, or undefined when the body takes none. */
export function registrationExample(body: ProfessionalBody): string | undefined {
  return body === 'none' ? undefined : FORMATS[body].example;
}

/**
 * What is wrong with a (normalised) registration number for a body, or undefined if it fits.
 * A team member with no professional body has no number.
 */
export function registrationNumberProblem(body: ProfessionalBody, number: string): string | undefined {
  if (body === 'none')
    return number === '' ? undefined : 'Leave the registration number blank, or choose the professional body that issued it';
  const format = FORMATS[body];
  if (number === '') return `Enter the ${PROFESSIONAL_BODY_SHORT_NAMES[body]} registration number`;
  return format.pattern.test(number) ? undefined : format.message;
}
