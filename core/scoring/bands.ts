/**
 * A severity band over whole-number totals, both ends inclusive. `rangeLabel` is how the range is
 * written in the published rules, for legends and documents.
 */
export interface IntegerBand<Band extends string> {
  readonly band: Band;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** What the registry tells the UI about each band of a measure. */
export interface MeasureBandInfo {
  readonly band: string;
  readonly label: string;
  readonly rangeLabel: string;
}

/**
 * The band containing `total`. Throws a RangeError for a total outside every band or not a whole
 * number: bands are only ever looked up from totals the scorers computed, so that is a bug.
 */
export function integerBandFor<Band extends string>(
  bands: readonly IntegerBand<Band>[],
  total: number,
  measureName: string,
): IntegerBand<Band> {
  const found = Number.isInteger(total) ? bands.find((band) => total >= band.min && total <= band.max) : undefined;
  if (found === undefined) throw new RangeError(`${measureName} total ${total} is not a whole number in any band`);
  return found;
}

export function integerBandInfo(bands: readonly IntegerBand<string>[]): MeasureBandInfo[] {
  return bands.map(({ band, label, min, max }) => ({ band, label, rangeLabel: `${min}-${max}` }));
}
