import { MI_RETURN_COLUMNS } from '../../core/exports/mi-return-columns';

/** One row of an MI return CSV, by column name (every cell a code, date or count: no quoting). */
export type MiReturnRow = Record<(typeof MI_RETURN_COLUMNS)[number], string>;

/** The rows of an MI return CSV after its header, each keyed by the documented columns. */
export function miReturnRows(csv: string): MiReturnRow[] {
  return csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => Object.fromEntries(line.split(',').map((cell, index) => [MI_RETURN_COLUMNS[index], cell])) as MiReturnRow);
}
