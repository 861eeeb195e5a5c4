export interface BenchRow {
  readonly operation: string;
  readonly p50: number;
  readonly p95: number;
  /** Target for p95 in ms, if there is one. */
  readonly targetMs?: number;
  /** The same operation on plain (unencrypted) SQLite, measured in the same run. */
  readonly plainP95?: number;
  /** Its p50, to tell a real ratio from scheduling noise on sub-millisecond queries. */
  readonly plainP50?: number;
}

/** Prints the results as an aligned table: operation, p50, p95, target, pass/fail, ratio to plain. */
export function printReport(title: string, rows: readonly BenchRow[]): void {
  const header = ['operation', 'p50 ms', 'p95 ms', 'target', 'result', 'vs plain', 'plain p50 ms'];
  const lines = rows.map((row) => [
    row.operation,
    row.p50.toFixed(2),
    row.p95.toFixed(2),
    row.targetMs === undefined ? '-' : `<= ${row.targetMs} ms`,
    row.targetMs === undefined ? '-' : row.p95 <= row.targetMs ? 'pass' : 'FAIL',
    row.plainP95 === undefined ? '-' : `${(row.p95 / row.plainP95).toFixed(2)}x`,
    row.plainP50 === undefined ? '-' : row.plainP50.toFixed(2),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const line of lines) console.log(format(line));
}
