import { describe, expect, it } from 'vitest';
import { listOutbox, waitingMutations } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp, QUICK_SYNC } from '../../support/sync-partnership';
import { sessionFor, withStore } from '../../support/sync-session';
import { httpCall } from '../../support/http-call';
import { pull, push } from '../../../services/sync/sync-client';
import { testReferral } from '../../support/test-referral';
import { within } from '../../support/within';

/**
 * Issue 14 item 5 ("nothing lost"): two people take turns on one laptop and each syncs in turn.
 * Mutation ids count per laptop, so one user's sync must neither mark the other's waiting changes
 * as done nor make the server take them for duplicates of its own.
 */

type Partnership = Awaited<ReturnType<typeof demoOnServer>>;
type Options = Parameters<typeof laptopApp>[2];

/** Registers people named `family` + a letter as `username` on the laptop, then locks it (closes the app). */
async function register(dataDir: string, username: string, family: string, count: number, sync?: Options) {
  const app = await laptopApp(dataDir, username, sync);
  for (let index = 0; index < count; index += 1)
    value(
      await app.dispatch(
        'participants.register',
        testReferral({ person: { nhsNumber: '', familyName: `${family}${String.fromCharCode(97 + index)}`, givenName: 'Turn' } }),
      ),
    );
  return app;
}

/** What the server holds of the laptop's work: each person registered, and each of its mutations' rows counted once. */
async function onServer(partnership: Partnership, deviceId: string, prefix: string) {
  const participants = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'participants').execute();
  const names = participants
    .map((each) => String((each.row as { family_name?: unknown }).family_name))
    .filter((name) => name.startsWith(prefix))
    .sort();
  const rows = await partnership.db
    .selectFrom('change_log')
    .select(['mutation_id', 'table_name', 'key'])
    .where('device_id', '=', deviceId)
    .where('table_name', '=', 'participants')
    .execute();
  const distinct = new Set(rows.map((row) => `${row.mutation_id}|${row.key}`));
  return { names, participantRows: rows.length, distinct: distinct.size };
}

/** The people a laptop holds whose family name starts with `prefix`. */
async function onLaptop(dataDir: string, username: string, prefix: string): Promise<string[]> {
  return withStore(dataDir, username, (opened) =>
    (
      opened.store.sqlite
        .prepare('SELECT family_name FROM participants WHERE family_name LIKE ? ORDER BY family_name')
        .all(`${prefix}%`) as Array<{
        family_name: string;
      }>
    ).map((row) => row.family_name),
  );
}

const EXPECTED = ['TurnCoacha', 'TurnCoachb', 'TurnCoachc', 'TurnCoachd', 'TurnCoache', 'TurnCoordinatora', 'TurnCoordinatorb'];

describe('several users on one laptop', () => {
  it(
    'coach, then coordinator, then coach again, synced one after the other: every change reaches the server once and another laptop',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopA = partnership.laptopA;
      await (await register(laptopA, 'demo.coach', 'TurnCoach', 3)).close();
      await (await register(laptopA, 'demo.coordinator', 'TurnCoordinator', 2)).close();
      const more = await laptopApp(laptopA, 'demo.coach');
      for (const family of ['TurnCoachd', 'TurnCoache'])
        value(
          await more.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: family, givenName: 'Turn' } })),
        );
      await more.close();

      // Changes leave the laptop in the order they were made: the coach's first three, then the
      // coordinator's two (still waiting, not marked done by the coach's pull), then the coach's last two.
      expect(await partnership.sync(laptopA, 'demo.coach')).toMatchObject({ pushed: 3, duplicates: 0, refused: [] });
      expect(await withStore(laptopA, 'demo.coordinator', (opened) => waitingMutations(opened.store))).toHaveLength(4);
      expect(await partnership.sync(laptopA, 'demo.coordinator')).toMatchObject({ pushed: 2, duplicates: 0, refused: [] });
      expect(await partnership.sync(laptopA, 'demo.coach')).toMatchObject({ pushed: 2, duplicates: 0, refused: [] });

      const deviceId = await withStore(laptopA, 'demo.coach', (opened) => readSyncState(opened.store)!.deviceId);
      const held = await onServer(partnership, deviceId, 'Turn');
      expect(held.names).toEqual(EXPECTED);
      expect(held.distinct).toBe(held.participantRows);
      // Seven mutations made on laptop A (server init's rows carry no mutation id), each logged.
      const logged = await partnership.db
        .selectFrom('change_log')
        .select('mutation_id')
        .where('device_id', '=', deviceId)
        .where('mutation_id', 'is not', null)
        .execute();
      expect(new Set(logged.map((row) => String(row.mutation_id))).size).toBe(7);
      await withStore(laptopA, 'demo.coach', (opened) => {
        expect(waitingMutations(opened.store)).toEqual([]);
        expect(listOutbox(opened.store, 'applied')).toHaveLength(7);
      });

      // Syncing again, by either, sends nothing twice.
      expect(await partnership.sync(laptopA, 'demo.coach')).toMatchObject({ pushed: 0, duplicates: 0 });
      expect(await partnership.sync(laptopA, 'demo.coordinator')).toMatchObject({ pushed: 0, duplicates: 0 });
      expect(await onServer(partnership, deviceId, 'Turn')).toEqual(held);

      const laptopB = await partnership.enrol('demo.coordinator');
      expect(await onLaptop(laptopB.dataDir, 'demo.coordinator', 'Turn')).toEqual(EXPECTED);
    },
  );

  it(
    'the server keeps what it applied per laptop and user: lower mutation ids of a second user are applied, not taken for duplicates; an older laptop is asked to update',
    { timeout: 90_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopA = partnership.laptopA;
      await (await register(laptopA, 'demo.coach', 'OrderCoach', 2)).close();
      await (await register(laptopA, 'demo.coordinator', 'OrderCoordinator', 2)).close();
      await (await register(laptopA, 'demo.coach', 'OrderCoachLater', 2)).close();
      // Ids 1-2 and 5-6 are the coach's, 3-4 the coordinator's (made in that order on laptop A).
      const all = await withStore(laptopA, 'demo.coach', (opened) => waitingMutations(opened.store));
      expect(all.map((mutation) => mutation.mutationId)).toEqual([1, 2, 3, 4, 5, 6]);
      const coach = (await sessionFor(laptopA, 'demo.coach')).session;
      const coordinator = (await sessionFor(laptopA, 'demo.coordinator')).session;
      const url = partnership.serverUrl;

      // Pushed out of the laptop's order, as a laptop that sent each user's changes whole would.
      const coachPush = await push(url, coach.token, [...all.slice(0, 2), ...all.slice(4)]);
      expect(coachPush.results.map((result) => result.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
      expect(coachPush.lastMutationId).toBe(6);
      const coordinatorPush = await push(url, coordinator.token, all.slice(2, 4));
      expect(coordinatorPush.results.map((result) => result.outcome)).toEqual(['applied', 'applied']);
      expect(coordinatorPush.lastMutationId).toBe(4);
      // Retried (the answer lost): applied once all the same.
      expect((await push(url, coordinator.token, all.slice(2, 4))).results.map((result) => result.outcome)).toEqual([
        'duplicate',
        'duplicate',
      ]);
      // Each user's pull answers their own watermark; a laptop older than format 2 is told 0.
      expect((await pull(url, coordinator.token, '0')).lastMutationId).toBe(4);
      const older = await httpCall(`${url}/sync/pull`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${coach.token}` },
        body: JSON.stringify({ cursor: '0', limit: 1 }),
      });
      expect(older.json).toMatchObject({ lastMutationId: 0 });
      await expect(push(url, coach.token, all.slice(0, 1), 1)).rejects.toMatchObject({ code: 'FORMAT_UNSUPPORTED' });

      // The laptop's own syncs then settle its outbox: nothing sent twice, nothing left waiting.
      expect(await partnership.sync(laptopA, 'demo.coach')).toMatchObject({ pushed: 0, refused: [] });
      expect(await partnership.sync(laptopA, 'demo.coordinator')).toMatchObject({ pushed: 0, refused: [] });
      expect(await partnership.sync(laptopA, 'demo.coach')).toMatchObject({ pushed: 0, refused: [] });
      expect(await withStore(laptopA, 'demo.coach', (opened) => waitingMutations(opened.store))).toEqual([]);
      const deviceId = await withStore(laptopA, 'demo.coach', (opened) => readSyncState(opened.store)!.deviceId);
      const held = await onServer(partnership, deviceId, 'Order');
      expect(held.names).toEqual(
        ['OrderCoacha', 'OrderCoachb', 'OrderCoachLatera', 'OrderCoachLaterb', 'OrderCoordinatora', 'OrderCoordinatorb'].sort(),
      );
      expect(held.distinct).toBe(held.participantRows);
    },
  );

  it('the same with the background sync running for each user in turn', { timeout: 90_000 }, async () => {
    const partnership = await demoOnServer();
    const laptopA = partnership.laptopA;
    await (await register(laptopA, 'demo.coach', 'LoopCoach', 2)).close();
    await (await register(laptopA, 'demo.coordinator', 'LoopCoordinator', 2)).close();

    // The coach's app syncs in the background: their first two go; their later two wait behind the
    // coordinator's, which stay waiting (the coach's pulls do not mark them done).
    const coach = await register(laptopA, 'demo.coach', 'LoopCoachLater', 2, QUICK_SYNC);
    const deviceId = await withStore(laptopA, 'demo.coach', (opened) => readSyncState(opened.store)!.deviceId);
    await within(20_000, async () => expect((await onServer(partnership, deviceId, 'LoopCoach')).names).toHaveLength(2));
    await within(5_000, async () => expect(value<{ waiting: number }>(await coach.dispatch('sync.status', {})).waiting).toBe(2));
    await coach.close();
    expect(await withStore(laptopA, 'demo.coordinator', (opened) => waitingMutations(opened.store))).toHaveLength(4);

    const coordinator = await laptopApp(laptopA, 'demo.coordinator', QUICK_SYNC);
    await within(20_000, async () => expect((await onServer(partnership, deviceId, 'LoopCoordinator')).names).toHaveLength(2));
    await within(5_000, async () => expect(value<{ waiting: number }>(await coordinator.dispatch('sync.status', {})).waiting).toBe(0));
    await coordinator.close();

    const again = await laptopApp(laptopA, 'demo.coach', QUICK_SYNC);
    await within(20_000, async () => expect((await onServer(partnership, deviceId, 'LoopCoach')).names).toHaveLength(4));
    await within(5_000, async () => expect(value<{ waiting: number }>(await again.dispatch('sync.status', {})).waiting).toBe(0));
    await again.close();

    const held = await onServer(partnership, deviceId, 'Loop');
    expect(held.names).toEqual(
      ['LoopCoacha', 'LoopCoachb', 'LoopCoachLatera', 'LoopCoachLaterb', 'LoopCoordinatora', 'LoopCoordinatorb'].sort(),
    );
    expect(held.distinct).toBe(held.participantRows);
    const laptopB = await partnership.enrol('demo.coach');
    expect(await onLaptop(laptopB.dataDir, 'demo.coach', 'Loop')).toEqual(held.names);
  });
});
