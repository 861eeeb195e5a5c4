import { ageOn } from '../calendar-date';

/**
 * The MI return's age bands (issue 20 item 9): age in whole years on the referral date, never the
 * date of birth itself. Ten-year bands from 25, as national labour-market statistics use, with the
 * young-adult band 16 to 24 kept whole; anyone younger than 16 (a data-entry slip, since WorkWell
 * is for working-age adults) is `under_16` so they stand out rather than vanish.
 */
export const AGE_BANDS = ['under_16', '16-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The lowest age in each band after the first, in order. */
const BAND_STARTS: ReadonlyArray<readonly [number, AgeBand]> = [
  [65, '65+'],
  [55, '55-64'],
  [45, '45-54'],
  [35, '35-44'],
  [25, '25-34'],
  [16, '16-24'],
];

/** The age band of someone born on `dateOfBirth` on the day `onDate` (both YYYY-MM-DD). */
export function ageBandOn(dateOfBirth: string, onDate: string): AgeBand {
  const age = ageOn(dateOfBirth, onDate);
  return BAND_STARTS.find(([start]) => age >= start)?.[1] ?? 'under_16';
}
