import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { waitingMutations } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { push, signIn } from '../../../services/sync/sync-client';
import { startPartnershipServer } from '../../../server/partnership-server';
import type { ServerDatabase } from '../../../server/server-schema';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { laptopApp, putDemoOnServer } from '../../support/sync-partnership';
import { testClock } from '../../support/test-clock';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

const MEASURES = 40;

/**
 * How many SQL statements (BEGIN, SAVEPOINT and COMMIT included) the server runs to apply a push,
 * counted by Kysely's log hook on the server's own database handle. Issue 14 asks the server to
 * apply 200 pushed changes a second on two shared cores: every statement is a round trip to
 * PostgreSQL that waits for a core, so work done once per push must not be done once per change.
 */
describe('the statements a push costs the server', () => {
  it(`applies ${MEASURES} measures pushed at once in a bounded number of statements each`, { timeout: 120_000 }, async () => {
    const database = await freshServerDatabase();
    cleanups.push(database.drop);
    let statements = 0;
    const db = new Kysely<ServerDatabase>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: database.url, max: 4 }) }),
      log: () => {
        statements += 1;
      },
    });
    cleanups.push(() => db.destroy());
    const server = await startPartnershipServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, clock: testClock() });
    cleanups.push(() => server.close(100));
    const { laptopA } = await putDemoOnServer(database.url, server.url);

    const app = await laptopApp(laptopA, 'demo.coach');
    const people = (await db.selectFrom('records').select('key').where('table_name', '=', 'participants').orderBy('key').execute()).map(
      (row) => (JSON.parse(row.key) as string[])[0]!,
    );
    for (let index = 0; index < MEASURES; index += 1) {
      value(
        await app.dispatch('measures.record', {
          participantId: people[index % people.length],
          discipline: 'employment_support',
          takenOn: '2026-11-05',
          response: { measure: 'phq9', answers: [1, 1, 1, 0, 1, 0, 1, 0, 0] },
        }),
      );
    }
    const opened = await openSyncStore(laptopA, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
    cleanups.push(() => opened.close());
    const waiting = waitingMutations(opened.store, { userId: opened.slot.userId });
    expect(waiting).toHaveLength(MEASURES);
    const session = await signIn(server.url, {
      username: 'demo.coach',
      deviceId: readSyncState(opened.store)!.deviceId,
      ...opened.userKey,
    });

    statements = 0;
    const answer = await push(server.url, session.token, waiting);
    const perMutation = statements / MEASURES;
    console.log(`push of ${MEASURES} measures: ${statements} statements, ${perMutation.toFixed(2)} a change`);
    expect(answer.results.map((result) => result.outcome)).toEqual(waiting.map(() => 'applied'));
    // 14.2 a change when each was a transaction of its own (6 December 2026); now about 5 (its
    // savepoint, the record's row, the log entry with the record, its parents, the release).
    expect(perMutation).toBeLessThanOrEqual(6);

    // Pushed again (a reply lost on the way): every one is a duplicate, nothing written twice.
    statements = 0;
    const again = await push(server.url, session.token, waiting);
    console.log(`the same push again: ${statements} statements`);
    expect(again.results.map((result) => result.outcome)).toEqual(waiting.map(() => 'duplicate'));
    // Only whether each was refused before is asked per change; the rest is once per batch.
    expect(statements / MEASURES).toBeLessThanOrEqual(1.5);
    const logged = await db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('table_name', '=', 'measure_results')
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBeGreaterThanOrEqual(MEASURES);
  });
});
