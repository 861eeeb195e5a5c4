import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { appendExportLogEntry } from '../db/repositories/export-log-repository';
import { forgetUnfinishedFiles, listUnfinishedFiles, type UnfinishedFile } from '../db/repositories/unfinished-file-repository';
import type { Store } from '../db/store';

/** What the export log shows for an export whose process was killed before it finished. */
export const INTERRUPTED_SUFFIX = ' (interrupted)';

/** What a clean-up found and did, for the caller's log line (counts only, no paths). */
export interface CleanUpReport {
  readonly removedFiles: number;
  readonly interruptedExports: number;
}

async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Removes a file if it is there; true if it was. */
async function removeIfPresent(file: string): Promise<boolean> {
  try {
    await fs.rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The export log entry for an export that never finished: failed, "(interrupted)", no one
 * included; or delivered, when the process was killed after the file got its real name but
 * before the log was written (the file is complete: its digest is what left).
 */
async function logInterruptedExport(store: Store, file: UnfinishedFile, now: Date): Promise<boolean> {
  if (file.userId === null || file.username === null) return false;
  const finalPath = path.join(path.dirname(file.path), file.destination);
  const delivered = existsSync(finalPath) ? await sha256OfFile(finalPath) : null;
  forgetUnfinishedFiles(store, [file.path], () =>
    appendExportLogEntry(store, {
      id: randomUUID(),
      at: now.toISOString(),
      userId: file.userId ?? '',
      username: file.username ?? '',
      kind: 'fhir_bundle',
      destination: delivered === null ? `${file.destination}${INTERRUPTED_SUFFIX}` : file.destination,
      sha256: delivered?.sha256 ?? createHash('sha256').digest('hex'),
      bytes: delivered?.bytes ?? 0,
      outcome: delivered === null ? 'failed' : 'delivered',
      subjects: [],
    }),
  );
  return delivered === null;
}

/**
 * Run at every unlock (app, host and the CLI commands that write files): removes what a killed
 * process left behind while writing outside the store: a partnership export's hidden `.partial`
 * file (unencrypted personal data) and a backup's temporary copies. Only the exact paths the
 * store recorded before creating them are removed, never a name guessed from a pattern, so a
 * live store's `-wal`/`-shm`, a restore in progress or anyone else's file is never touched. An
 * interrupted export is logged as failed. A file that cannot be removed now (a folder on a
 * network drive that is not there) stays listed and is tried again at the next unlock. Never throws.
 */
export async function cleanUpUnfinishedFiles(store: Store, now: Date): Promise<CleanUpReport> {
  let removedFiles = 0;
  let interruptedExports = 0;
  let files: UnfinishedFile[];
  try {
    files = listUnfinishedFiles(store);
  } catch {
    // Cleaning up never stops an unlock: a store that cannot be read says so on its own.
    return { removedFiles, interruptedExports };
  }
  for (const file of files) {
    try {
      if (await removeIfPresent(file.path)) removedFiles += 1;
      if (file.kind === 'fhir_export') {
        if (await logInterruptedExport(store, file, now)) interruptedExports += 1;
      }
      forgetUnfinishedFiles(store, [file.path]);
    } catch {
      // Left listed: tried again at the next unlock.
    }
  }
  return { removedFiles, interruptedExports };
}
