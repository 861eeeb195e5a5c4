import type { SeededRandom } from '../../services/synthetic/seeded-random';

/** Keys that try to pollute an object's prototype when a server copies input carelessly. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** An own, enumerable key, even `__proto__`, so JSON.stringify sends it as attackers would. */
export function setOwn(target: Record<string, unknown>, key: string, item: unknown): void {
  Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
}

/**
 * A malformed value from a fixed seed: null, odd numbers and booleans, short and huge strings,
 * awkward text (a NUL, markup, SQL, impossible dates), arrays, and objects whose keys are
 * `fieldKeys` (the endpoint's own field names, so parsers meet the right names with the wrong
 * values) or prototype-pollution keys. The partnership server's fuzz tests share it.
 */
export function junk(random: SeededRandom, fieldKeys: readonly string[], depth = 0): unknown {
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
      return random.pick([
        '2026-13-45',
        '',
        ' ',
        '\u0000',
        '<script>',
        "'; DROP TABLE records;--",
        '1e309',
        '-1',
        '99999999999999999999',
        'participants',
        'a.b',
      ]);
    case 5:
      return 'A'.repeat(random.pick([5_000, 70_000, 300_000]));
    case 6:
      return Array.from({ length: random.integer(0, 4) }, () => junk(random, fieldKeys, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = random.integer(0, 4); i > 0; i -= 1)
        setOwn(object, random.pick([...POLLUTION_KEYS, ...fieldKeys]), junk(random, fieldKeys, depth + 1));
      return object;
    }
  }
}
