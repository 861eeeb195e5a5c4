import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { Role } from '../../../core/roles';
import { mayReadRow, syncedTable } from '../../../core/sync/synced-tables';
import { readStoreRows } from '../../../db/sync/snapshot-rows';
import { listOutbox } from '../../../db/sync/outbox';
import { countWaiting } from '../../../db/sync/outbox-counts';
import { readSyncState } from '../../../db/sync/sync-state';
import { openSyncStore, type SyncStore } from '../../../services/sync/open-sync-store';
import { syncOnce, type RefusedChange } from '../../../services/sync/sync-once';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { demoTeam } from '../../support/demo-team';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testClock } from '../../support/test-clock';
import { randomOperation, runOperation } from '../../support/workflow-operations';

/**
 * Issue 14, "How it is tested": three laptops and the server, with random work across every
 * workflow through dispatch (register; consent given, declined, withdrawn; joined-up and
 * discipline assessments drafted and signed; PHQ-9 and GAD-7, some raising risk flags, and their
 * acknowledgement; triage; meetings planned, agenda reordered, notes, attendance, ended; plans
 * drafted and agreed, two laptops racing to agree the same one; action updates; workplace
 * adjustments and AHP reports drafted and signed), by different users and roles (laptop A changes
 * hands between the coach, the OT and the physio), while laptops go offline and come back (one
 * sync as whoever is signed in there) at random, from a fixed seed so a failure reproduces.
 * At the end every laptop holds the server's rows of every synced table its users may read (a
 * clinician's unsigned draft stays with its author's laptop); every change
 * made is in an outbox once (unless it changed nothing), and was applied once (in the server's change log under its laptop
 * and mutation id) or refused with a code and a message the person sees.
 */

const OPERATIONS = Number(process.env.SYNC_CONVERGENCE_OPS ?? 600);
const SEED = Number(process.env.SYNC_CONVERGENCE_SEED ?? 14_001);
const passphrase = DEMO_PARTNERSHIP.passphrase;

type Row = Record<string, unknown>;

/** A table's rows keyed by their key, each with its columns sorted: comparable across stores and the server. */
function canonical(rows: readonly Row[], key: readonly string[]): string[] {
  return rows
    .map((row) =>
      JSON.stringify([
        key.map((column) => String(row[column])),
        Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))),
      ]),
    )
    .sort();
}

const LAPTOPS: ReadonlyArray<{ users: ReadonlyArray<{ username: string; role: Role }> }> = [
  {
    users: [
      { username: 'demo.coach', role: 'coach' },
      { username: 'demo.ot', role: 'occupational_therapist' },
      { username: 'demo.physio', role: 'physiotherapist' },
    ],
  },
  { users: [{ username: 'demo.coordinator', role: 'coordinator' }] },
  { users: [{ username: 'demo.mh', role: 'mental_health_practitioner' }] },
];

describe('three laptops and the server converge', () => {
  it(
    `after ${OPERATIONS} random operations across every workflow, with laptops offline and online at random`,
    { timeout: 360_000 },
    async () => {
      const partnership = await demoOnServer();
      const dataDirs = [
        partnership.laptopA,
        (await partnership.enrol('demo.coordinator')).dataDir,
        (await partnership.enrol('demo.mh')).dataDir,
      ];
      const laptops = await Promise.all(
        LAPTOPS.map(async (laptop, index) => {
          const dataDir = dataDirs[index]!;
          const stores = new Map<string, SyncStore>();
          for (const user of laptop.users) stores.set(user.username, await openSyncStore(dataDir, user.username, passphrase));
          const first = laptop.users[0]!;
          return { ...laptop, dataDir, stores, current: first, app: await laptopApp(dataDir, first.username) };
        }),
      );
      const storeOf = (laptop: (typeof laptops)[number]) => laptop.stores.values().next().value!;
      try {
        const team = demoTeam(value<PartnershipConfig>(await laptops[1]!.app.dispatch('config.get', {})));
        const random = new SeededRandom(SEED);
        let made = 0;
        let pushed = 0;
        const localRefusals = new Map<string, number>();
        const workflows = new Map<string, number>();
        const refused: RefusedChange[] = [];
        // The OT and the physio on laptop A acknowledge risk flags: an administrator names them clinical
        // leads there first, and it reaches the server before the random work starts.
        const admin = await openSyncStore(partnership.laptopA, 'demo.admin', passphrase);
        try {
          const laptopA = laptops[0]!;
          value(await laptopA.app.dispatch('session.lock', {}));
          value(await laptopA.app.dispatch('session.unlock', { username: 'demo.admin', passphrase }));
          value(await laptopA.app.dispatch('config.saveClinicalLeads', { usernames: ['demo.ot', 'demo.physio'], version: 0 }));
          made += 1;
          value(await laptopA.app.dispatch('session.lock', {}));
          value(await laptopA.app.dispatch('session.unlock', { username: laptopA.current.username, passphrase }));
          const report = await syncOnce(admin.store, { userId: admin.slot.userId, username: 'demo.admin', ...admin.userKey }, testClock());
          expect(report.refused).toEqual([]);
          pushed += report.pushed;
        } finally {
          await admin.close();
        }
        const sync = async (laptop: (typeof laptops)[number], username: string) => {
          const opened = laptop.stores.get(username)!;
          const report = await syncOnce(opened.store, { userId: opened.slot.userId, username, ...opened.userKey }, testClock());
          pushed += report.pushed;
          // A duplicate means the server had already seen that mutation id: here no push is ever cut off.
          expect(report.duplicates).toBe(0);
          refused.push(...report.refused);
        };

        for (let op = 0; op < OPERATIONS; op += 1) {
          const laptop = random.pick(laptops);
          const roll = random.next();
          if (roll < 0.1) {
            await sync(laptop, laptop.current.username);
            continue;
          }
          if (roll < 0.18 && laptop.users.length > 1) {
            // The laptop changes hands: whoever was signed in leaves their changes waiting in its outbox.
            laptop.current = random.pick(laptop.users.filter((user) => user !== laptop.current));
            value(await laptop.app.dispatch('session.lock', {}));
            value(await laptop.app.dispatch('session.unlock', { username: laptop.current.username, passphrase }));
            continue;
          }
          const operation = randomOperation({ random, sqlite: storeOf(laptop).store.sqlite, role: laptop.current.role, team, op });
          if (operation === undefined) continue;
          const result = await runOperation(laptop.app, operation);
          if (result.ok) {
            made += 1;
            workflows.set(operation.workflow, (workflows.get(operation.workflow) ?? 0) + 1);
          } else {
            // Refused on the laptop itself (a stale version, a rule): a typed error, never a crash.
            expect(result.error.code, `${operation.channel}: ${result.error.message}`).not.toBe('INTERNAL');
            const reason = `${operation.channel} ${result.error.code}`;
            localRefusals.set(reason, (localRefusals.get(reason) ?? 0) + 1);
          }
        }
        // Everyone comes online, each user on each laptop, until nothing waits (on the shared laptop each user's
        // sync sends up to the next change of someone else's), then once more round so each pulls the others' last pushes.
        const waiting = () => laptops.some((laptop) => countWaiting(storeOf(laptop).store) > 0);
        for (let round = 0; round < 100 && waiting(); round += 1)
          for (const laptop of laptops) for (const user of laptop.users) await sync(laptop, user.username);
        expect(waiting()).toBe(false);
        for (const laptop of laptops) await sync(laptop, laptop.current.username);

        // Nothing lost, nothing applied twice: each change made is one outbox entry, applied once or refused with a reason.
        const outboxes = laptops.map((laptop) => ({
          deviceId: readSyncState(storeOf(laptop).store)!.deviceId,
          entries: listOutbox(storeOf(laptop).store),
        }));
        const entries = outboxes.flatMap((outbox) => outbox.entries);
        // A call that changed nothing (attendance recorded again as it was) queues nothing.
        expect(entries.length).toBeLessThanOrEqual(made);
        expect(entries.length).toBeGreaterThan(made * 0.95);
        expect(entries.filter((entry) => entry.status === 'waiting')).toEqual([]);
        expect(entries.filter((entry) => entry.status === 'applied')).toHaveLength(pushed);
        expect(entries.filter((entry) => entry.status === 'refused')).toHaveLength(refused.length);
        for (const entry of entries.filter((each) => each.status === 'refused'))
          expect((entry.refusalCode ?? '').length * (entry.refusal ?? '').length, `refusal of ${entry.mutationId}`).toBeGreaterThan(0);
        const logged = await partnership.db
          .selectFrom('change_log')
          .select(['device_id', 'mutation_id'])
          .distinct()
          .where('mutation_id', 'is not', null)
          .execute();
        const loggedIds = new Set(logged.map((row) => `${row.device_id} ${row.mutation_id}`));
        for (const outbox of outboxes)
          for (const entry of outbox.entries)
            expect(loggedIds.has(`${outbox.deviceId} ${entry.mutationId}`), `${entry.channel} ${entry.mutationId} ${entry.status}`).toBe(
              entry.status === 'applied',
            );
        expect(logged).toHaveLength(pushed);
        expect(made).toBeGreaterThan(OPERATIONS * 0.5);

        // The same rows everywhere, as each laptop's users may read them (issue 14 item 6): on each laptop, every
        // server row one of its users reads (another clinician's unsigned draft is not), and nothing else.
        const serverRecords = await partnership.db.selectFrom('records').select(['table_name', 'row']).execute();
        const userIds = new Map(
          (await partnership.db.selectFrom('users').select(['id', 'username']).execute()).map((user) => [user.username, user.id]),
        );
        for (const laptop of laptops) {
          const readers = laptop.users.map((user) => ({ role: user.role, userId: userIds.get(user.username)! }));
          for (const table of readStoreRows(storeOf(laptop).store).tables) {
            const entry = syncedTable(table.table)!;
            const here = canonical(table.rows, table.key);
            if (table.table === 'users' || table.table === 'partnership') {
              // Not in the server's records as laptops hold them (keys and slots live apart): the same on every laptop.
              expect(here, `${laptop.users[0]!.username}'s laptop: ${table.table}`).toEqual(
                canonical(readStoreRows(storeOf(laptops[0]!).store).tables.find((each) => each.table === table.table)!.rows, table.key),
              );
              continue;
            }
            const server = serverRecords
              .filter((record) => record.table_name === table.table)
              .map((record) => record.row as Row)
              .filter((row) => readers.some((reader) => mayReadRow(entry, row, reader)));
            expect(canonical(server, table.key), `${laptop.users[0]!.username}'s laptop: ${table.table}`).toEqual(here);
          }
        }
        // Held back from the others, a draft is still there for its author: the comparison above is not of empty sets.
        expect(serverRecords.filter((record) => record.table_name === 'assessments').length).toBeGreaterThan(0);

        // Every workflow the issue names was exercised, by the roles that do it.
        for (const workflow of [
          'register',
          'consent given',
          'consent declined',
          'consent withdrawn',
          'assess joined-up',
          'assess draft',
          'assess signed',
          'measure phq9',
          'risk flag acknowledged',
          'triage to meeting',
          'meeting planned',
          'meeting notes',
          'meeting ended',
          'plan drafted',
          'plan agreed',
          'action updated',
          'adjustments',
          'AHP report drafted',
          'AHP report signed',
        ])
          expect(workflows.get(workflow) ?? 0, workflow).toBeGreaterThan(0);
      } finally {
        for (const laptop of laptops) for (const opened of laptop.stores.values()) await opened.close();
      }
    },
  );
});
