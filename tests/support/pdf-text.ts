import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-dir';

/**
 * Writes a PDF to a temporary file and reads its text back with poppler's `pdftotext -layout`,
 * the way a person copying from the PDF (or a screen reader) would get it.
 */
export function pdfText(bytes: Uint8Array, fileName = 'document.pdf'): string {
  const file = path.join(tempDir(), fileName);
  writeFileSync(file, bytes);
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

/** The number of pages in a PDF, from poppler's `pdfinfo`. */
export function pdfPageCount(bytes: Uint8Array): number {
  const file = path.join(tempDir(), 'count.pdf');
  writeFileSync(file, bytes);
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(result.stdout);
  if (match === null) throw new Error(`pdfinfo failed: ${result.stderr}`);
  return Number(match[1]);
}
