import type { Kysely } from 'kysely';
import type { ServerDatabase } from './server-schema';

/** One export run on the server, as the log keeps it: ids, codes, counts and a digest; nothing clinical. */
export interface ServerExportEntry {
  readonly id: string;
  readonly at: Date;
  readonly kind: 'fhir_bundle' | 'mi_return';
  /** A file name without its folder, or the FHIR base URL. */
  readonly destination: string;
  readonly outcome: 'delivered' | 'failed' | 'cancelled';
  readonly sha256: string;
  readonly bytes: number;
  /** The circuit breaker's sentence (counts only) or an error's code; null when it ran to the end. */
  readonly reason: string | null;
  readonly subjects: ReadonlyArray<{ readonly participantId: string; readonly outcome: string; readonly reason?: string }>;
}

const SUBJECT_BATCH = 1_000;

/**
 * Appends export runs to the server's export log (migration 2026-12-06-005) in one transaction:
 * each entry with its people's outcomes. The counts are derived from the subjects, as a laptop's
 * log derives them, so the two cannot disagree.
 */
export async function recordServerExports(
  db: Kysely<ServerDatabase>,
  partnershipId: string,
  entries: readonly ServerExportEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const entry of entries) {
      const count = (outcome: string) => entry.subjects.filter((subject) => subject.outcome === outcome).length;
      await trx
        .insertInto('server_export_log')
        .values({
          id: entry.id,
          partnership_id: partnershipId,
          at: entry.at,
          kind: entry.kind,
          destination: entry.destination,
          outcome: entry.outcome,
          included: count('included'),
          skipped: count('skipped'),
          failed: count('failed'),
          sha256: entry.sha256,
          bytes: entry.bytes,
          reason: entry.reason,
        })
        .execute();
      for (let start = 0; start < entry.subjects.length; start += SUBJECT_BATCH) {
        await trx
          .insertInto('server_export_log_subjects')
          .values(
            entry.subjects.slice(start, start + SUBJECT_BATCH).map((subject) => ({
              export_id: entry.id,
              participant_id: subject.participantId,
              outcome: subject.outcome,
              reason: subject.reason ?? '',
            })),
          )
          .execute();
      }
    }
  });
}
