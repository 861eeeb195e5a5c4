import type { Clock } from '../core/clock';
import { enrolLaptop } from '../services/sync/enrol';
import { ServerRefused, ServerUnreachable } from '../services/sync/sync-client';
import { syncStore } from '../services/sync/sync-store';

/**
 * `workwell-mdt sync`: push then pull once and say what moved. Exit 0 in step; 3 when the server
 * refused some changes (each listed: they stay on this laptop with the person's text); 1 when the
 * server could not be reached or refused the laptop.
 */
export async function syncCommand(
  options: { dataDir: string; username: string; passphrase: string; clock: Clock },
  out: (line: string) => void,
): Promise<number> {
  try {
    const report = await syncStore(options);
    out(
      `Sent ${report.pushed} change(s)${report.duplicates > 0 ? ` (${report.duplicates} already on the server)` : ''}; received ${report.pulled} change(s).`,
    );
    if (report.users > 0) out(`Told the partnership server about ${report.users} user(s) added or revoked on this laptop.`);
    if (report.audit.problem !== null) out(`Audit trail not sent: ${report.audit.problem}`);
    for (const refused of report.refused)
      out(`  Refused change ${refused.mutationId} (${refused.channel}, ${refused.code}): ${refused.message}`);
    if (report.refused.length > 0) {
      out(`${report.refused.length} change(s) were refused; they are kept on this laptop, marked refused, with what was typed.`);
      return 3;
    }
    out('In step with the partnership server.');
    return 0;
  } catch (error) {
    if (error instanceof ServerUnreachable || error instanceof ServerRefused) {
      out(error instanceof ServerRefused ? `The partnership server refused (${error.code}): ${error.message}` : error.message);
      return 1;
    }
    throw error;
  }
}

/** `workwell-mdt enrol`: a new laptop store for the user, from the server. */
export async function enrolCommand(
  options: { dataDir: string; serverUrl: string; username: string; passphrase: string; clock: Clock },
  out: (line: string) => void,
): Promise<number> {
  try {
    const report = await enrolLaptop(options);
    out(
      `Enrolled this laptop (${report.deviceId}) for ${options.username}: ${report.pulled.toLocaleString('en-GB')} record(s) received into ${options.dataDir}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ServerUnreachable || error instanceof ServerRefused) {
      out(error instanceof ServerRefused ? `The partnership server refused (${error.code}): ${error.message}` : error.message);
      return 1;
    }
    throw error;
  }
}
