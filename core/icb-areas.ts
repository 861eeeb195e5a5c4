/**
 * The 15 integrated care board areas that ran the WorkWell pilots from October 2024
 * (see shared/domain.md). A partnership picks one of these or gives a custom name.
 */
export const PILOT_ICB_AREAS = [
  { code: 'birmingham-solihull', name: 'Birmingham and Solihull' },
  { code: 'black-country', name: 'Black Country' },
  { code: 'bnssg', name: 'Bristol, North Somerset and South Gloucestershire' },
  { code: 'cambridgeshire-peterborough', name: 'Cambridgeshire and Peterborough' },
  { code: 'cornwall-isles-of-scilly', name: 'Cornwall and the Isles of Scilly' },
  { code: 'coventry-warwickshire', name: 'Coventry and Warwickshire' },
  { code: 'frimley', name: 'Frimley' },
  { code: 'herefordshire-worcestershire', name: 'Herefordshire and Worcestershire' },
  { code: 'greater-manchester', name: 'Greater Manchester' },
  { code: 'lancashire-south-cumbria', name: 'Lancashire and South Cumbria' },
  { code: 'llr', name: 'Leicester, Leicestershire and Rutland' },
  { code: 'north-central-london', name: 'North Central London' },
  { code: 'north-west-london', name: 'North West London' },
  { code: 'south-yorkshire', name: 'South Yorkshire' },
  { code: 'surrey-heartlands', name: 'Surrey Heartlands' },
] as const;

export type PilotIcbCode = (typeof PILOT_ICB_AREAS)[number]['code'];

export const PILOT_ICB_CODES = PILOT_ICB_AREAS.map((area) => area.code) as [PilotIcbCode, ...PilotIcbCode[]];

/** The display name of a pilot area, or undefined for an unknown code. */
export function pilotAreaName(code: string): string | undefined {
  return PILOT_ICB_AREAS.find((area) => area.code === code)?.name;
}

/**
 * The shape of a partnership's area code for the MI return: the form the codes above take
 * (lowercase words joined by hyphens, like `south-yorkshire`) or an ONS integrated care board
 * code (`E54` and six digits, like `E54000061`), for an area the list above does not name.
 */
const AREA_CODE_FORMAT = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|E54\d{6})$/;

/** The longest area code taken: far above any ONS code or pilot area's code. */
export const MAX_AREA_CODE_LENGTH = 60;

/** Whether a code (as `normaliseAreaCode` leaves it) has the shape of an area code. */
export function isAreaCode(code: string): boolean {
  return code.length <= MAX_AREA_CODE_LENGTH && AREA_CODE_FORMAT.test(code);
}

/** An area code as typed, tidied: spaces trimmed, an ONS code in capitals, any other code in lowercase. */
export function normaliseAreaCode(typed: string): string {
  const code = typed.trim();
  return /^e54/i.test(code) ? code.toUpperCase() : code.toLowerCase();
}

/** The pilot area a partnership's name is ("South Yorkshire", "WorkWell South Yorkshire"), or undefined. */
export function pilotAreaCodeOfName(partnershipName: string): PilotIcbCode | undefined {
  const name = partnershipName
    .trim()
    .toLowerCase()
    .replace(/^workwell\s+/, '');
  return PILOT_ICB_AREAS.find((area) => area.name.toLowerCase() === name)?.code;
}

/**
 * The area code the MI return sends for the partnership: the one an administrator set in Settings,
 * else the pilot area chosen at setup, else the pilot area its name is; null when none applies.
 */
export function areaCodeInEffect(partnership: { configured: string | null; icbCode: string | null; name: string }): string | null {
  return partnership.configured ?? partnership.icbCode ?? pilotAreaCodeOfName(partnership.name) ?? null;
}
