import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { ExportLogPage } from '../../../core/schemas/export-log';
import { storePaths } from '../../../db/store-paths';
import { runFhirExport } from '../../../services/exports/fhir-export';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { testClock, testDate } from '../../support/test-clock';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A FHIR endpoint on loopback that answers every POST with `status`, counting them. */
async function fhirServer(status: () => number) {
  let posts = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      posts += 1;
      response.writeHead(status(), { 'content-type': 'application/fhir+json' }).end('{}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, posts: () => posts };
}

const QUICK_RETRY = { attempts: 2, firstDelayMs: 1, timeoutMs: 5_000 };

describe('partnership export to a system that is down', () => {
  it('stops after five people in a row fail, says why, logs it as failed, and the next run sends everyone', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    // Eight demo people consent to sharing with the partnership system.
    const page = value<{ items: Array<{ id: string }> }>(await demo.services.dispatch('participants.list', { pageSize: 8 }));
    for (const person of page.items) {
      value(
        await demo.services.dispatch('consents.record', {
          participantId: person.id,
          purpose: 'share_partnership',
          decision: 'given',
          date: testDate(-2),
          method: 'verbal',
        }),
      );
    }
    await demo.services.close();

    const { store, user } = await unlockStore(storePaths(demo.dataDir), DEMO_PARTNERSHIP.adminUsername, DEMO_PARTNERSHIP.passphrase);
    try {
      let status = 500;
      const server = await fhirServer(() => status);
      const destinations = { folder: null, baseUrl: server.url, token: 'test-token' };
      const down = await runFhirExport(store, user, destinations, { now: testClock(), retry: QUICK_RETRY });
      expect(down.outcome).toBe('failed');
      expect(down.progress.failed).toBe(5);
      expect(down.progress.included).toBe(0);
      // Each of the five was tried twice; nobody after the fifth was sent at all.
      expect(server.posts()).toBe(10);
      expect(down.progress.processed).toBeLessThan(down.progress.total);
      expect(down.stopReason).toMatch(/^The partnership system failed 5 people in a row, so the export stopped after [\d,]+ of [\d,]+\./);
      expect(down.problems.filter((problem) => problem.outcome === 'failed').map((problem) => problem.reason)).toEqual(
        Array(5).fill('The server answered HTTP 500 (tried 2 times)'),
      );

      status = 200;
      const up = await runFhirExport(store, user, destinations, { now: testClock(), retry: QUICK_RETRY });
      expect(up).toMatchObject({ outcome: 'delivered', stopReason: null });
      expect(up.progress).toMatchObject({ processed: up.progress.total, failed: 0 });
      expect(up.progress.included).toBeGreaterThanOrEqual(8);
    } finally {
      await store.close();
    }

    const services = (await demoWithPersonServices(demo.dataDir)).services;
    const log = value<ExportLogPage>(await services.dispatch('exports.log', { limit: 10 }));
    expect(log.entries.map((entry) => entry.outcome)).toEqual(['delivered', 'failed']);
    await services.close();
  });
});

/** The same data folder opened again by the app, as the administrator. */
async function demoWithPersonServices(dataDir: string) {
  const { createAppServices } = await import('../../../services/app-services');
  const services = createAppServices({ dataDir, clock: testClock() });
  value(await services.dispatch('session.unlock', { username: DEMO_PARTNERSHIP.adminUsername, passphrase: DEMO_PARTNERSHIP.passphrase }));
  return { services };
}
