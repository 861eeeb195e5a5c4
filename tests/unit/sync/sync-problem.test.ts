import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServerRefused, ServerUnreachable } from '../../../services/sync/sync-client';
import { syncProblemOf } from '../../../services/sync/sync-problem';

describe('syncProblemOf: the header tells each failure apart', () => {
  it.each([
    [new ServerUnreachable('http://127.0.0.1:9', new Error('ECONNREFUSED')), 'unreachable'],
    [new ServerRefused('REVOKED', 'revoked'), 'revoked'],
    [new ServerRefused('SIGN_IN_FAILED', 'not recognised'), 'not-recognised'],
    [new ServerRefused('FORMAT_UNSUPPORTED', 'Update WorkWell MDT on this laptop.'), 'update-needed'],
    [z.object({ a: z.string() }).safeParse({}).error, 'update-needed'],
    [new ServerRefused('INTERNAL', 'The partnership server could not answer.'), 'server-error'],
    [new Error('socket hang up'), 'server-error'],
  ])('%s is %s', (error, kind) => {
    const problem = syncProblemOf(error);
    expect(problem?.kind).toBe(kind);
    expect(problem?.message.length).toBeGreaterThan(20);
  });

  it('a session that ended is no problem to show: the loop signs in again', () => {
    expect(syncProblemOf(new ServerRefused('NOT_SIGNED_IN', 'ended'))).toBeNull();
  });
});
