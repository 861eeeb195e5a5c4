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
