import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { pushResponseSchema, SYNC_FORMAT_VERSION, type Mutation } from '../../../core/sync/sync-protocol';
import { waitingMutations } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { signIn } from '../../../services/sync/sync-client';
import { value } from '../../support/demo-with-person';
import { httpCall } from '../../support/http-call';
import { serverFamilyNames } from '../../support/server-family-names';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';

/** The same mutation with `from` given `to` instead in every string (input and rows alike). */
function retyped(mutation: Mutation, from: string, to: string): Mutation {
  return JSON.parse(JSON.stringify(mutation).replaceAll(from, JSON.stringify(to).slice(1, -1))) as Mutation;
}

describe('a push with one bad mutation among good ones', () => {
  it('refuses only that mutation, with a typed reason and the server rows, and applies the others', { timeout: 120_000 }, async () => {
    const partnership = await demoOnServer();
    const app = await laptopApp(partnership.laptopA, 'demo.coach');
    for (const familyName of ['Goodfirst', 'Nulperson', 'Brokenperson', 'Goodlast'])
      value(await app.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName } })));
    const opened = await openSyncStore(partnership.laptopA, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
    const state = readSyncState(opened.store)!;
    const waiting = waitingMutations(opened.store, { userId: opened.slot.userId });
    const session = await signIn(state.serverUrl, { username: 'demo.coach', deviceId: state.deviceId, ...opened.userKey });
    await opened.close();
    expect(waiting).toHaveLength(4);
    const [first, second, third, fourth] = waiting as [Mutation, Mutation, Mutation, Mutation];

    const mutations = [
      first,
      // A NUL character (PostgreSQL cannot store it) in the person's name, in the input and the row.
      retyped(second, 'Nulperson', 'Nul\u0000person'),
      // Not in the sync format at all: its rows are not a list.
      { ...third, changes: 'not a list' },
      fourth,
    ];
    const answer = await httpCall(`${partnership.serverUrl}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ formatVersion: SYNC_FORMAT_VERSION, mutations }),
    });
    expect(answer.status).toBe(200);
    const { results, lastMutationId } = pushResponseSchema.parse(answer.json);
    expect(results.map((result) => [result.mutationId, result.outcome, 'code' in result ? result.code : null])).toEqual([
      [first.mutationId, 'applied', null],
      [second.mutationId, 'refused', 'VALIDATION'],
      [third.mutationId, 'refused', 'VALIDATION'],
      [fourth.mutationId, 'applied', null],
    ]);
    expect(lastMutationId).toBe(fourth.mutationId);
    const nul = results[1] as Extract<(typeof results)[number], { outcome: 'refused' }>;
    expect(nul.message).toMatch(/NUL/);
    // The server's rows for what the refused change touched (it holds none of them), so the laptop can undo it.
    expect(nul.serverRows.length).toBeGreaterThan(0);
    expect(nul.serverRows.every((row) => row.row === null)).toBe(true);
    expect((results[2] as typeof nul).message).toMatch(/sync format/);

    const people = await serverFamilyNames(partnership.db);
    expect(people).toEqual(expect.arrayContaining(['Goodfirst', 'Goodlast']));
    expect(people.filter((name) => /Nul|Broken/.test(name))).toEqual([]);
  });
});
