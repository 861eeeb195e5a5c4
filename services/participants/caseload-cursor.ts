import { AppError } from '../../core/app-error';
import type { CaseloadSort } from '../../core/schemas/participants';
import { sortKeyCount, type CaseloadPosition } from '../../db/repositories/caseload-repository';

interface CursorBody {
  readonly s: CaseloadSort;
  readonly d: 'a' | 'b';
  readonly k: readonly string[];
}

/**
 * An opaque page cursor: the sort it belongs to, the direction, and the sort keys of the row it
 * starts from. Base64url JSON; it names no one by itself beyond what is on the page already shown,
 * and is never written to the audit trail (only ids are).
 */
export function encodeCaseloadCursor(sort: CaseloadSort, position: CaseloadPosition): string {
  const body: CursorBody = { s: sort, d: position.direction === 'after' ? 'a' : 'b', k: position.keys };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Reads a cursor back; anything malformed, or made for another sort, is a VALIDATION error. */
export function decodeCaseloadCursor(cursor: string, sort: CaseloadSort): CaseloadPosition {
  const invalid = new AppError('VALIDATION', 'That page of the caseload is no longer valid. Start again from the first page.', {
    cursor: 'Start again from the first page',
  });
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (body === null || typeof body !== 'object') throw invalid;
  const { s, d, k } = body as Partial<Record<keyof CursorBody, unknown>>;
  if (s !== sort || (d !== 'a' && d !== 'b') || !Array.isArray(k) || k.length !== sortKeyCount(sort)) throw invalid;
  if (!k.every((key): key is string => typeof key === 'string' && key.length <= 200)) throw invalid;
  return { direction: d === 'a' ? 'after' : 'before', keys: k };
}
