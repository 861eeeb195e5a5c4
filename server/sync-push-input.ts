import { z } from 'zod';
import type { MutationResult } from '../core/sync/sync-protocol';

type RefusalReason = Pick<Extract<MutationResult, { outcome: 'refused' }>, 'code' | 'message'>;

/**
 * A push as far as the server reads it whole: the format and a list of at most 500 mutations.
 * Each mutation is then read on its own (core/sync/sync-protocol.ts `mutationSchema`), so one the
 * server cannot take is refused alone and the others still apply.
 */
export const pushEnvelopeSchema = z.strictObject({
  formatVersion: z.number().int(),
  mutations: z.array(z.unknown()).max(500),
});

/** The mutation id of a mutation that is otherwise unreadable, when it has a usable one. */
export function readableMutationId(raw: unknown): number | undefined {
  const id = (raw as { mutationId?: unknown } | null)?.mutationId;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** True when any string in the value (keys included) holds a NUL character, which PostgreSQL text and JSONB cannot store. */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item));
  return false;
}

export const UNSTORABLE: RefusalReason = {
  code: 'VALIDATION',
  message:
    'This change holds a character the partnership server cannot store (a NUL character, often pasted from another program). Nothing of it was shared; your text is kept on this laptop.',
};

export const UNREADABLE: RefusalReason = {
  code: 'VALIDATION',
  message:
    'This change was not in the sync format the partnership server reads. Nothing of it was shared; update WorkWell MDT on this laptop.',
};
