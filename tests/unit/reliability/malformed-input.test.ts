import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/app-error';
import { CHANNELS, type Channel } from '../../../core/channels';
import { contract } from '../../../core/contract';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { createAppServices, type AppServices } from '../../../services/app-services';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { hostTransport } from '../../support/test-host';
import { testReferral } from '../../support/test-referral';
import { testClock } from '../../support/test-clock';

/**
 * 10,000 malformed messages through the real loopback host against a real store: wrong types,
 * missing fields, oversized strings, prototype-pollution keys and unknown channels, generated from
 * a fixed seed. Each must come back as a typed error (never INTERNAL), the host must keep serving,
 * and nothing but the audit trail (which records each refusal) may change.
 */

const MESSAGES = 10_000;
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
const UNKNOWN_CHANNELS = [
  '',
  'nope',
  'participants',
  'participants.list.extra',
  '__proto__',
  'constructor',
  'toString',
  '../rpc/app.status',
  'PARTICIPANTS.LIST',
  'x'.repeat(2000),
];

/** A valid input to mutate for some channels; the rest start from `{}`. */
const BASES: Partial<Record<Channel, unknown>> = {
  'participants.list': { search: 'smith', sort: 'nextReview', pageSize: 5 },
  'participants.register': testReferral({ person: { nhsNumber: '' }, confirmedNotDuplicate: true }),
  'participants.checkDuplicates': { givenName: 'Alex', familyName: 'Testperson', dateOfBirth: '1984-03-02', nhsNumber: '' },
  // A user with no key slot: no KDF runs, so failed unlocks stay cheap.
  'session.unlock': { username: 'fuzz.nobody', passphrase: 'not the passphrase at all' },
  'setup.createPartnership': {
    partnership: { kind: 'custom', name: 'Fuzz' },
    admin: { username: 'fuzz.admin', displayName: 'Fuzz', passphrase: 'fuzz fuzz fuzz fuzz' },
  },
};

/** An own, enumerable key, even `__proto__`, so JSON.stringify sends it as attackers would. */
function setOwn(target: Record<string, unknown>, key: string, item: unknown): void {
  Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
}

function junk(random: SeededRandom, depth = 0): unknown {
  switch (random.integer(0, depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return random.integer(-1e9, 1e9) * (random.next() < 0.5 ? 1 : 0.5);
    case 2:
      return random.next() < 0.5;
    case 3:
      return 'x'.repeat(random.integer(0, 40));
    case 4:
      return random.pick(['2026-13-45', '999 000 0018', '', ' ', '\u0000', '<script>', "'; DROP TABLE participants;--", '1e309']);
    case 5:
      return 'A'.repeat(random.pick([5_000, 70_000, 300_000]));
    case 6:
      return Array.from({ length: random.integer(0, 4) }, () => junk(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = random.integer(0, 4); i > 0; i -= 1)
        setOwn(
          object,
          random.pick([...POLLUTION_KEYS, 'participantId', 'page', 'id', 'person', 'username', 'version']),
          junk(random, depth + 1),
        );
      return object;
    }
  }
}

/** Changes one place in a copy of `base`: removes it, gives it the wrong type, or adds a pollution key. */
function mutate(base: unknown, random: SeededRandom): unknown {
  if (base === null || typeof base !== 'object' || random.next() < 0.15) return junk(random);
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (;;) {
    const keys = Object.keys(node);
    const key = keys.length === 0 ? undefined : random.pick(keys);
    const child = key === undefined ? undefined : node[key];
    if (key !== undefined && child !== null && typeof child === 'object' && random.next() < 0.6) {
      node = child as Record<string, unknown>;
      continue;
    }
    const operation = random.integer(0, 2);
    if (operation === 0 && key !== undefined) delete node[key];
    else if (operation === 1 && key !== undefined) node[key] = junk(random);
    else setOwn(node, random.pick(POLLUTION_KEYS), junk(random));
    return copy;
  }
}

/** Whether the input would pass the channel's schema after the JSON trip (then it is not malformed). */
function wouldParse(channel: Channel, input: unknown): boolean {
  const sent = input === undefined ? undefined : (JSON.parse(JSON.stringify(input)) as unknown);
  return contract[channel].input.safeParse(sent ?? {}).success;
}

let dataDir: string;
let services: AppServices;
let host: Awaited<ReturnType<typeof hostTransport>>;
let reader: Awaited<ReturnType<typeof storeReader>>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-fuzz-'));
  services = createAppServices({ clock: testClock(), dataDir });
  value(await services.dispatch('setup.createDemoPartnership', {}));
  host = await hostTransport(services.dispatch);
  reader = await storeReader(dataDir, DEMO_PARTNERSHIP.adminUsername, DEMO_PARTNERSHIP.passphrase);
}, 120_000);

afterAll(async () => {
  reader.forget();
  await host.close();
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('malformed input on every channel', () => {
  it('answers a request body over the 1 MB limit with a typed error, not a reset connection', async () => {
    const result = await host.call('participants.list', { pageSize: 1, search: 'A'.repeat(1_200_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'That request is too large.' } });
  });

  it(`answers ${MESSAGES.toLocaleString('en-GB')} malformed messages with typed errors and writes nothing`, async () => {
    const random = new SeededRandom(7_000_007);
    const before = reader.rowCounts({ except: ['audit_log'] });
    const codes = new Map<string, number>();
    let sent = 0;
    // Half as an administrator, half as a clinician, so both sides of every role check see junk.
    for (const username of [DEMO_PARTNERSHIP.adminUsername, 'demo.physio']) {
      value(await host.call('session.lock', {}));
      value(await host.call('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
      for (let n = 0; n < MESSAGES / 2;) {
        const unknown = random.next() < 0.05;
        const channel = unknown ? random.pick(UNKNOWN_CHANNELS) : random.pick(CHANNELS);
        const input = unknown ? junk(random) : mutate(BASES[channel as Channel] ?? {}, random);
        if (!unknown && wouldParse(channel as Channel, input)) continue;
        n += 1;
        sent += 1;
        const result = await host.call(channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input).slice(0, 200)}`).toBe(false);
        if (result.ok) continue;
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.code, `${channel} with ${JSON.stringify(input).slice(0, 200)}`).not.toBe('INTERNAL');
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
      }
    }
    expect(sent).toBe(MESSAGES);
    // Still serving, still signed in, nothing written, no prototype polluted.
    expect(await host.call('participants.count', {})).toMatchObject({ ok: true, value: { total: DEMO_PARTNERSHIP.participants } });
    expect(reader.rowCounts({ except: ['audit_log'] })).toEqual(before);
    expect(reader.integrityCheck()).toBe('ok');
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect([...codes.keys()].sort()).toEqual(expect.arrayContaining(['FORBIDDEN', 'UNKNOWN_CHANNEL', 'VALIDATION']));
  }, 240_000);
});
