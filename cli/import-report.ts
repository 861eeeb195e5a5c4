import type { ChannelOutput } from '../core/contract';

/**
 * Prints what an import did and returns the exit code: 0 when every referral was imported; 3 when
 * some were refused, each listed by CSV row number or bundle entry index with its reason.
 */
export function printImportReport(format: 'csv' | 'fhir', report: ChannelOutput<'referrals.import'>, out: (line: string) => void): number {
  const place = format === 'csv' ? 'row' : 'entry';
  out(
    `Imported ${report.imported.toLocaleString('en-GB')} referral${report.imported === 1 ? '' : 's'} into the inbox; ${report.refused.length.toLocaleString('en-GB')} refused.`,
  );
  for (const refused of report.refused) out(`  ${place} ${refused.at}: ${refused.reason}`);
  return report.refused.length > 0 ? 3 : 0;
}
