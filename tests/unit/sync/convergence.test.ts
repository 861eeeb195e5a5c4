import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { readStoreRows } from '../../../db/sync/snapshot-rows';
import { listOutbox } from '../../../db/sync/outbox';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { syncOnce, type RefusedChange } from '../../../services/sync/sync-once';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

/**
 * Issue 14 item 1: three laptops signed in as different roles and the server, with random work
 * through dispatch (registering people, PHQ-9 and other measures, some raising risk flags) while
 * laptops go offline and come back (one sync) at random, from a fixed seed so a failure
 * reproduces. At the end every laptop and the server hold the same rows of every synced table,
 * each change made was applied once or refused with a code and a message.
 */

const OPERATIONS = Number(process.env.SYNC_CONVERGENCE_OPS ?? 500);
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

describe('three laptops and the server converge', () => {
  it(`after ${OPERATIONS} random operations with laptops offline and online at random`, { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const laptops = [
      { username: 'demo.coach', dataDir: partnership.laptopA },
      { username: 'demo.coordinator', dataDir: (await partnership.enrol('demo.coordinator')).dataDir },
      { username: 'demo.mh', dataDir: (await partnership.enrol('demo.mh')).dataDir },
    ].map((laptop, index) => ({
      ...laptop,
      discipline: ['employment_support', null, 'mental_health'][index],
      known: [] as string[],
      local: [] as string[],
    }));
    const apps = await Promise.all(laptops.map((laptop) => laptopApp(laptop.dataDir, laptop.username)));
    const stores = await Promise.all(laptops.map((laptop) => openSyncStore(laptop.dataDir, laptop.username, passphrase)));
    try {
      const start = value<{ items: Array<{ id: string }> }>(await apps[0]!.dispatch('participants.list', { pageSize: 200 }));
      for (const laptop of laptops) laptop.known.push(...start.items.map((item) => item.id));
      const onServer: string[] = [];

      const random = new SeededRandom(SEED);
      let made = 0;
      let localRefusals = 0;
      let pushed = 0;
      const refused: RefusedChange[] = [];
      const sync = async (index: number) => {
        const opened = stores[index]!;
        const laptop = laptops[index]!;
        const report = await syncOnce(
          opened.store,
          { userId: opened.slot.userId, username: laptop.username, ...opened.userKey },
          testClock(),
        );
        pushed += report.pushed;
        expect(report.duplicates).toBe(0);
        refused.push(...report.refused);
        onServer.push(...laptop.local.splice(0));
        laptop.known = [...new Set([...laptop.known, ...onServer])];
      };
      for (let op = 0; op < OPERATIONS; op += 1) {
        const index = random.integer(0, 2);
        const laptop = laptops[index]!;
        const app = apps[index]!;
        if (random.next() < 0.12) {
          await sync(index);
          continue;
        }
        // The coordinator registers; the coach and the mental health practitioner record measures (the coach registers now and then).
        const kind =
          laptop.discipline === null || (index === 0 && random.next() < 0.2) ? 'register' : random.pick(['phq9', 'phq9', 'gad7']);
        const result =
          kind === 'register'
            ? await app.dispatch(
                'participants.register',
                testReferral({
                  person: { nhsNumber: '', familyName: `Converge${String.fromCharCode(97 + (op % 26))}`, givenName: `Op${op}` },
                }),
              )
            : await app.dispatch('measures.record', {
                participantId: random.pick(laptop.known),
                discipline: laptop.discipline,
                takenOn: '2026-11-05',
                response:
                  kind === 'phq9'
                    ? {
                        measure: 'phq9',
                        answers: Array.from({ length: 9 }, (_, item) => (item === 8 && random.next() < 0.8 ? 0 : random.integer(0, 3))),
                      }
                    : { measure: 'gad7', answers: Array.from({ length: 7 }, () => random.integer(0, 3)) },
              });
        if (result.ok) {
          made += 1;
          if (kind === 'register') {
            const { id } = result.value as { id: string };
            laptop.local.push(id);
            laptop.known.push(id);
          }
        } else {
          expect(result.error.code).not.toBe('INTERNAL');
          localRefusals += 1;
          if (process.env.SYNC_CONVERGENCE_DEBUG) console.log(laptop.username, kind, result.error.code, result.error.message);
        }
      }
      // Everyone comes online: twice round, so each laptop pulls what the others pushed last.
      for (let round = 0; round < 2; round += 1) for (let index = 0; index < 3; index += 1) await sync(index);

      // Nothing lost, nothing applied twice: every outbox entry was applied once or refused, with a reason.
      const outboxes = stores.map((opened) => listOutbox(opened.store));
      const entries = outboxes.flat();
      expect(entries.filter((entry) => entry.status !== 'applied' && entry.status !== 'refused')).toEqual([]);
      expect(entries.filter((entry) => entry.status === 'applied')).toHaveLength(pushed);
      expect(entries.filter((entry) => entry.status === 'refused')).toHaveLength(refused.length);
      for (const refusal of refused) expect(refusal.code.length * refusal.message.length).toBeGreaterThan(0);
      const logged = await partnership.db
        .selectFrom('change_log')
        .select(['device_id', 'mutation_id'])
        .distinct()
        .where('mutation_id', 'is not', null)
        .execute();
      expect(logged).toHaveLength(pushed);
      expect(made).toBeGreaterThan(OPERATIONS * 0.6);

      // The same rows everywhere.
      const dumps = stores.map((opened) => readStoreRows(opened.store).tables);
      const serverRecords = await partnership.db.selectFrom('records').select(['table_name', 'row']).execute();
      for (const table of dumps[0]!) {
        const here = canonical(table.rows, table.key);
        for (const other of dumps.slice(1))
          expect(canonical(other.find((each) => each.table === table.table)?.rows ?? [], table.key), table.table).toEqual(here);
        if (table.table === 'users' || table.table === 'partnership') continue;
        const server = serverRecords.filter((record) => record.table_name === table.table).map((record) => record.row as Row);
        expect(canonical(server, table.key), `server ${table.table}`).toEqual(here);
      }
      console.log(
        `convergence: ${OPERATIONS} operations (${made} made, ${localRefusals} refused on the laptop), ${pushed} changes pushed, ${refused.length} refused by the server`,
      );
    } finally {
      for (const opened of stores) await opened.close();
    }
  });
});
