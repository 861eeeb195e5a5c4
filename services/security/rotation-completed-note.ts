import path from 'node:path';
import { writeFileDurablySync } from '../../db/durable-file';
import type { StorePaths } from '../../db/store-paths';

/** Beside the store: a rotation completed whose old-key copies are not replaced yet (no clinical data). */
const NOTE_FILE_NAME = 'old-key-copies.json';

/** The note's path (read by old-key-copies.ts). */
export function oldKeyCopiesNoteFile(paths: StorePaths): string {
  return path.join(paths.dataDir, NOTE_FILE_NAME);
}

/**
 * Notes, durably, that a rotation has put the new key in force and the copies under the old key
 * must go (old-key-copies.ts). Written before the rotation's journal is removed, so a crash in
 * between leaves the note, never a completed rotation without it.
 */
export function noteRotationCompleted(paths: StorePaths, rotatedAt: string | null): void {
  writeFileDurablySync(oldKeyCopiesNoteFile(paths), `${JSON.stringify({ rotatedAt })}\n`);
}
