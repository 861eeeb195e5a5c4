import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { startPartnershipServer } from '../../server/partnership-server';
import type { ServerDatabase } from '../../server/server-schema';
import { freshServerDatabase } from './postgres';
import { putDemoOnServer } from './sync-partnership';
import { testClock } from './test-clock';

/**
 * A partnership server (a fresh database, HTTP on 127.0.0.1) holding the demo partnership, put
 * there by `server init` from laptop A, whose database handle counts the SQL statements it runs
 * (BEGIN, SAVEPOINT and COMMIT included) by Kysely's log hook: for tests that bound the statements
 * an operation costs the server. What must be undone afterwards goes onto `cleanups`.
 */
export async function countingDemoServer(cleanups: Array<() => Promise<void>>) {
  const database = await freshServerDatabase();
  cleanups.push(database.drop);
  let statements = 0;
  const pool = new Pool({ connectionString: database.url, max: 4 });
  // pg's pool.end() resolves before its connections have closed, so dropping the database just after
  // can reach a closing connection (57P01) with no listener left: an unhandled error after the test.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<ServerDatabase>({
    dialect: new PostgresDialect({ pool }),
    log: () => {
      statements += 1;
    },
  });
  cleanups.push(() => db.destroy());
  const server = await startPartnershipServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, clock: testClock() });
  cleanups.push(() => server.close(100));
  const { laptopA } = await putDemoOnServer(database.url, server.url);
  return {
    db,
    server,
    laptopA,
    counted: () => statements,
    reset: () => {
      statements = 0;
    },
  };
}
