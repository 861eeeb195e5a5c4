import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Mutation } from '../../../core/sync/sync-protocol';
import { findSlot, readKeyring, unwrapUserPrivateKey } from '../../../db/keyring';
import { storePaths } from '../../../db/store-paths';
import { waitingMutations } from '../../../db/sync/outbox';
import { createAppServices } from '../../../services/app-services';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { pull, push, signIn } from '../../../services/sync/sync-client';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { createServerDatabase } from '../../../server/server-database';
import { value } from '../../support/demo-with-person';
import { freshServerDatabase } from '../../support/postgres';
import { putDemoOnServer } from '../../support/sync-partnership';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

/**
 * The bounded load test of issue 14: 50 simulated laptops push and pull through a real partnership
 * server (as `server start` runs it: its pool, LISTEN/NOTIFY) on loopback, backed by the real
 * PostgreSQL, for 60 s (SYNC_LOAD_SECONDS to change). Nothing may be lost or doubled.
 *
 * How a laptop is simulated: 50 encrypted stores applying every change would measure SQLite on two
 * cores, not the server, so each simulated laptop is the sync protocol only, as the background
 * sync loop (services/sync/sync-loop.ts) speaks it through the real client (sync-client.ts): it
 * signs in as one of the four demo clinicians with that user's own key pair (a device of its own),
 * pushes a real `measures.record` mutation (the one laptop A's outbox holds after recording a PHQ-9
 * through dispatch, with a new measure id, a person from the partnership and the laptop's own
 * mutation ids) every 0-500 ms, re-sends one push in ten as a laptop does after a lost answer, and
 * keeps a long-poll pull open, as the loop does, counting every change it receives. Applying rows
 * into a store is covered by the convergence test and `BENCH_SUITE=sync`.
 */

const LAPTOPS = Number(process.env.SYNC_LOAD_LAPTOPS ?? 50);
const SECONDS = Number(process.env.SYNC_LOAD_SECONDS ?? 60);
const THINK_MS = 500;
const CLINICIANS = ['demo.coach', 'demo.physio', 'demo.mh', 'demo.ot'] as const;
const passphrase = DEMO_PARTNERSHIP.passphrase;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/**
 * `workwell-mdt server start` as a child process, as a partnership runs it: the server has an event
 * loop of its own, not the one the 50 simulated laptops share. Its one log line per request goes to
 * a file: written to a pipe, Node's stdout blocks the server whenever the reader lags.
 */
async function startServerProcess(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const logFile = path.join(tempDir(), 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    ['bin/workwell-mdt.mjs', 'server', 'start', '--database-url', databaseUrl, '--listen', '127.0.0.1:0'],
    {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  let url: string | undefined;
  await vi.waitUntil(
    () => {
      if (exitCode !== undefined) throw new Error(`The server exited: ${readFileSync(logFile, 'utf8')}`);
      url = /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(readFileSync(logFile, 'utf8'))?.[1];
      return url;
    },
    { timeout: 60_000, interval: 100 },
  );
  return {
    url: url!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** One simulated laptop's view: what it pushed and what it received. */
interface Laptop {
  readonly deviceId: string;
  readonly token: string;
  readonly userId: string;
  cursor: string;
  nextMutationId: number;
  /** Sequence numbers received, in the order received. */
  readonly seen: number[];
  /** Mutation id -> measure id, for every push the server applied. */
  readonly accepted: Map<number, string>;
  abort: AbortController;
}

describe('the partnership server under load', () => {
  it(
    `${LAPTOPS} laptops push and pull for ${SECONDS} s: every change applied once, every laptop receives every change`,
    { timeout: (SECONDS + 120) * 1_000 },
    async () => {
      const database = await freshServerDatabase();
      cleanups.push(database.drop);
      const serving = await startServerProcess(database.url);
      cleanups.push(() => serving.stop());
      const db = createServerDatabase(database.url, { maxConnections: 2 });
      cleanups.push(() => db.destroy());

      // Laptop A puts the demo partnership on the server, then records one PHQ-9 through dispatch:
      // its outbox entry is the real mutation every simulated laptop sends (with its own ids).
      const { laptopA, init } = await putDemoOnServer(database.url, serving.url);
      const people = (await db.selectFrom('records').select('key').where('table_name', '=', 'participants').orderBy('key').execute()).map(
        (row) => (JSON.parse(row.key) as string[])[0]!,
      );
      expect(people.length).toBe(DEMO_PARTNERSHIP.participants);
      const app = createAppServices({ dataDir: laptopA, clock: testClock(), sync: { background: false } });
      value(await app.dispatch('session.unlock', { username: 'demo.coach', passphrase }));
      value(
        await app.dispatch('measures.record', {
          participantId: people[0],
          discipline: 'employment_support',
          takenOn: '2026-11-05',
          response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 0, 0, 0] },
        }),
      );
      await app.close();
      const opened = await openSyncStore(laptopA, 'demo.coach', passphrase);
      const [template] = waitingMutations(opened.store);
      await opened.close();
      expect(template).toMatchObject({ channel: 'measures.record', changes: [{ table: 'measure_results' }] });
      const templateRow = template!.changes[0]!.row!;

      // Each clinician's key pair, unwrapped once (scrypt); 50 laptops sign in with them.
      const keyring = (await readKeyring(storePaths(laptopA).keyring))!;
      const keys = await Promise.all(
        CLINICIANS.map(async (username) => {
          const slot = findSlot(keyring, username)!;
          return {
            username,
            userId: slot.userId,
            privateKey: await unwrapUserPrivateKey(keyring, slot, passphrase),
            publicKey: Buffer.from(slot.publicKey!, 'base64'),
          };
        }),
      );
      const startCursor = init.cursor;
      const laptops: Laptop[] = [];
      for (let index = 0; index < LAPTOPS; index += 1) {
        const user = keys[index % keys.length]!;
        const deviceId = randomUUID();
        const session = await signIn(serving.url, { ...user, deviceId });
        laptops.push({
          deviceId,
          token: session.token,
          userId: user.userId,
          cursor: startCursor,
          nextMutationId: 1,
          seen: [],
          accepted: new Map(),
          abort: new AbortController(),
        });
      }

      const pushLatencies: number[] = [];
      /** When each change's push was sent, by sequence number: a receiving laptop measures the delay from it. */
      const pushedAt = new Map<number, number>();
      const propagation: number[] = [];
      let pullRequests = 0;
      let duplicatesAnswered = 0;
      const random = new SeededRandom(14_050);

      const mutationFor = (laptop: Laptop, mutationId: number): Mutation => {
        const measureId = randomUUID();
        const participantId = random.pick(people);
        return {
          ...template!,
          mutationId,
          input: { ...(template!.input as object), participantId },
          changes: [
            {
              table: 'measure_results',
              key: [measureId],
              row: { ...templateRow, id: measureId, participant_id: participantId, recorded_by: laptop.userId },
              base: null,
            },
          ],
        };
      };

      const pushLoop = async (laptop: Laptop, until: number) => {
        while (performance.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, random.integer(0, THINK_MS)));
          const mutation = mutationFor(laptop, laptop.nextMutationId);
          laptop.nextMutationId += 1;
          const sent = performance.now();
          const answer = await push(serving.url, laptop.token, [mutation]);
          pushLatencies.push(performance.now() - sent);
          const [result] = answer.results;
          if (result?.outcome !== 'applied') throw new Error(`push ${mutation.mutationId} was ${JSON.stringify(result)}`);
          pushedAt.set(Number(result.seq), sent);
          laptop.accepted.set(mutation.mutationId, mutation.changes[0]!.key[0]!);
          // The answer "was lost": the laptop sends the same mutation again; the server must not apply it twice.
          if (random.next() < 0.1) {
            const again = await push(serving.url, laptop.token, [mutation]);
            expect(again.results).toEqual([{ mutationId: mutation.mutationId, outcome: 'duplicate' }]);
            duplicatesAnswered += 1;
          }
        }
      };

      /** Set once the pushes stop: the change log's last sequence number, which every laptop must reach. */
      const drain: { target?: number } = {};
      const pullLoop = async (laptop: Laptop) => {
        let wait = false;
        while (drain.target === undefined || Number(laptop.cursor) < drain.target) {
          let page;
          try {
            page = await pull(serving.url, laptop.token, laptop.cursor, {
              wait: wait && drain.target === undefined,
              signal: laptop.abort.signal,
            });
          } catch (error) {
            if (!laptop.abort.signal.aborted) throw error;
            laptop.abort = new AbortController();
            wait = false;
            continue;
          }
          pullRequests += 1;
          const now = performance.now();
          for (const change of page.changes) {
            const seq = Number(change.seq);
            laptop.seen.push(seq);
            const sent = pushedAt.get(seq);
            if (sent !== undefined) propagation.push(now - sent);
          }
          laptop.cursor = page.cursor;
          wait = !page.more;
        }
      };

      const started = performance.now();
      const until = started + SECONDS * 1_000;
      const pulling = laptops.map((laptop) => pullLoop(laptop));
      await Promise.all(laptops.map((laptop) => pushLoop(laptop, until)));
      const pushSeconds = (performance.now() - started) / 1_000;
      const { max } = await db
        .selectFrom('change_log')
        .select(sql<string>`max(seq)::text`.as('max'))
        .executeTakeFirstOrThrow();
      drain.target = Number(max);
      // Long polls already at the end would wait out their timeout: cut them, the loops drain without waiting.
      for (const laptop of laptops) laptop.abort.abort();
      await Promise.all(pulling);
      const drainSeconds = (performance.now() - started) / 1_000 - pushSeconds;

      const accepted = laptops.reduce((sum, laptop) => sum + laptop.accepted.size, 0);
      const delivered = laptops.reduce((sum, laptop) => sum + laptop.seen.length, 0);
      console.log(
        [
          `Load: ${LAPTOPS} laptops for ${pushSeconds.toFixed(1)} s (drained in ${drainSeconds.toFixed(1)} s more) on ${os.cpus().length} cores.`,
          `  pushes applied: ${accepted} (${(accepted / pushSeconds).toFixed(1)}/s), re-sent and answered duplicate: ${duplicatesAnswered}`,
          `  push latency: p50 ${percentile(pushLatencies, 0.5).toFixed(1)} ms, p95 ${percentile(pushLatencies, 0.95).toFixed(1)} ms`,
          `  pulls: ${pullRequests} requests, ${delivered} changes delivered (${(delivered / (pushSeconds + drainSeconds)).toFixed(0)}/s)`,
          `  push to another laptop's pull: p50 ${percentile(propagation, 0.5).toFixed(0)} ms, p95 ${percentile(propagation, 0.95).toFixed(0)} ms`,
        ].join('\n'),
      );
      expect(accepted).toBeGreaterThan(LAPTOPS);

      // Nothing lost, nothing doubled: each applied mutation is exactly one change_log row (and one
      // record) with its laptop's device id and mutation id, and there is no other new row.
      const logged = await db
        .selectFrom('change_log')
        .select(['seq', 'device_id', 'mutation_id', 'key', 'table_name'])
        .where('seq', '>', startCursor)
        .orderBy('seq')
        .execute();
      expect(logged.length).toBe(accepted);
      const byDevice = new Map(laptops.map((laptop) => [laptop.deviceId, laptop]));
      const logKeys = new Set<string>();
      for (const row of logged) {
        const laptop = byDevice.get(row.device_id ?? '');
        expect(row.table_name).toBe('measure_results');
        expect(laptop?.accepted.get(Number(row.mutation_id))).toBe((JSON.parse(row.key) as string[])[0]);
        logKeys.add(`${row.device_id}/${String(row.mutation_id)}`);
      }
      expect(logKeys.size).toBe(accepted);
      const { stored } = await db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<string>().as('stored'))
        .where('table_name', '=', 'measure_results')
        .where('seq', '>', startCursor)
        .executeTakeFirstOrThrow();
      expect(Number(stored)).toBe(accepted);
      for (const laptop of laptops) {
        const { last_mutation_id } = await db
          .selectFrom('devices')
          .select('last_mutation_id')
          .where('id', '=', laptop.deviceId)
          .executeTakeFirstOrThrow();
        expect(Number(last_mutation_id)).toBe(laptop.nextMutationId - 1);
      }

      // Every laptop reached the end and received every change once, in the server's order.
      const allSeqs = logged.map((row) => Number(row.seq));
      for (const laptop of laptops) {
        expect(laptop.cursor).toBe(max);
        expect(laptop.seen).toEqual(allSeqs);
      }

      for (const key of keys) key.privateKey.fill(0);
    },
  );
});
