import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { storePaths } from '../../db/store-paths';
import { createAppServices } from '../../services/app-services';
import { seedStore } from '../../services/session/store-commands';
import { unlockStore } from '../../services/session/unlock-store';
import { testClock } from './test-clock';

/**
 * Makes a demo partnership whose planned meeting lists N more people (as the national synthetic
 * data's meetings do: hundreds of cases each), for the agenda-at-scale e2e test:
 * `node --import tsx tests/support/make-long-agenda-store.ts DATA_DIR N`. The demo's own setup runs
 * through the contract; the extra people come from the synthetic generator and are listed on the
 * meeting in one transaction, after the demo's four cases.
 */
export async function makeLongAgendaStore(dataDir: string, extra: number): Promise<void> {
  const services = createAppServices({ clock: testClock(), dataDir });
  const created = await services.dispatch('setup.createDemoPartnership', {});
  if (!created.ok) throw new Error(created.error.message);
  await services.close();
  await seedStore({
    dataDir,
    username: 'demo.admin',
    passphrase: DEMO_PARTNERSHIP.passphrase,
    participants: extra,
    seed: 7,
    now: testClock()(),
    peopleOnly: true,
  });

  const { store, user } = await unlockStore(storePaths(dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
  try {
    const sqlite = store.sqlite;
    const meetingId = sqlite.prepare("SELECT id FROM meetings WHERE status = 'planned' ORDER BY held_on LIMIT 1").pluck().get() as string;
    const listed = new Set(
      sqlite.prepare('SELECT participant_id FROM agenda_items WHERE meeting_id = ?').pluck().all(meetingId) as string[],
    );
    const people = (sqlite.prepare('SELECT id FROM participants ORDER BY reference DESC').pluck().all() as string[])
      .filter((id) => !listed.has(id))
      .slice(0, extra);
    const insert = sqlite.prepare(
      "INSERT INTO agenda_items (id, meeting_id, participant_id, position, status, carried_over_from_id, listed_at, listed_by) VALUES (?, ?, ?, ?, 'listed', NULL, ?, ?)",
    );
    const at = testClock()().toISOString();
    sqlite.transaction(() =>
      people.forEach((participantId, index) => insert.run(randomUUID(), meetingId, participantId, listed.size + index, at, user.userId)),
    )();
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [dataDir, countText] = process.argv.slice(2);
  const extra = Number(countText);
  if (dataDir === undefined || !Number.isSafeInteger(extra)) throw new Error('usage: make-long-agenda-store.ts DATA_DIR N');
  await makeLongAgendaStore(dataDir, extra);
}

// Run as a script by the e2e test; imported by unit tests for the function alone.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
