import { describe, expect, it } from 'vitest';
import { listOutbox, waitingMutations } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp, QUICK_SYNC } from '../../support/sync-partnership';
import { withStore } from '../../support/sync-session';
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
    { timeout: 90_000 },
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

      const coach = await partnership.sync(laptopA, 'demo.coach');
      expect(coach).toMatchObject({ pushed: 5, duplicates: 0, refused: [] });
      // The coordinator's changes still wait for the coordinator's own sync.
      expect(await withStore(laptopA, 'demo.coordinator', (opened) => waitingMutations(opened.store))).toHaveLength(2);
      const coordinator = await partnership.sync(laptopA, 'demo.coordinator');
      expect(coordinator).toMatchObject({ pushed: 2, duplicates: 0, refused: [] });

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

  it('the same with the background sync running for each user in turn', { timeout: 90_000 }, async () => {
    const partnership = await demoOnServer();
    const laptopA = partnership.laptopA;
    await (await register(laptopA, 'demo.coach', 'LoopCoach', 2)).close();
    await (await register(laptopA, 'demo.coordinator', 'LoopCoordinator', 2)).close();

    // The coach's app syncs in the background: their changes go, the coordinator's stay waiting.
    const coach = await register(laptopA, 'demo.coach', 'LoopCoachLater', 2, QUICK_SYNC);
    const deviceId = await withStore(laptopA, 'demo.coach', (opened) => readSyncState(opened.store)!.deviceId);
    await within(20_000, async () => expect((await onServer(partnership, deviceId, 'LoopCoach')).names).toHaveLength(4));
    await within(5_000, async () => expect(value<{ waiting: number }>(await coach.dispatch('sync.status', {})).waiting).toBe(0));
    await coach.close();
    expect(await withStore(laptopA, 'demo.coordinator', (opened) => waitingMutations(opened.store))).toHaveLength(2);

    const coordinator = await laptopApp(laptopA, 'demo.coordinator', QUICK_SYNC);
    await within(20_000, async () => expect((await onServer(partnership, deviceId, 'LoopCoordinator')).names).toHaveLength(2));
    await within(5_000, async () => expect(value<{ waiting: number }>(await coordinator.dispatch('sync.status', {})).waiting).toBe(0));
    await coordinator.close();

    const held = await onServer(partnership, deviceId, 'Loop');
    expect(held.names).toEqual(
      ['LoopCoacha', 'LoopCoachb', 'LoopCoachLatera', 'LoopCoachLaterb', 'LoopCoordinatora', 'LoopCoordinatorb'].sort(),
    );
    expect(held.distinct).toBe(held.participantRows);
    const laptopB = await partnership.enrol('demo.coach');
    expect(await onLaptop(laptopB.dataDir, 'demo.coach', 'Loop')).toEqual(held.names);
  });
});
