import type { FhirExportReport } from '../services/exports/fhir-export';

/**
 * Prints a partnership export's report as `export` and `server export` both do, and returns the
 * exit code: 0 when everyone consenting was delivered; 3 when some were not (listed by reference
 * with the HTTP status only, never a name): the nightly job should alert.
 */
export function printExportReport(report: FhirExportReport, out: (line: string) => void): number {
  const { included, skipped, failed } = report.progress;
  out(
    `Partnership export ${report.outcome}: ${included.toLocaleString('en-GB')} included, ${skipped.toLocaleString('en-GB')} skipped (no consent to share), ${failed.toLocaleString('en-GB')} failed.`,
  );
  if (report.fileName !== null) out(`Written to ${report.fileName}.`);
  if (report.stopReason !== null) out(report.stopReason);
  for (const problem of report.problems.filter((candidate) => candidate.outcome === 'failed'))
    out(`  ${problem.reference}: ${problem.reason ?? 'failed'}`);
  return failed > 0 ? 3 : 0;
}
