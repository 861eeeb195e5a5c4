import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { registerLondonDate } from '../../../db/open-store';

describe('london_date() in SQL', () => {
  it('takes the calendar date in England, not the UTC date, whatever the machine’s time zone', () => {
    const database = new Database(':memory:');
    registerLondonDate(database);
    const day = (timestamp: string | null) => database.prepare('SELECT london_date(?) AS day').get(timestamp) as { day: string | null };
    // 00:30 BST on 1 July is 23:30 UTC on 30 June: the MI return must count it in July.
    expect(day('2026-06-30T23:30:00.000Z').day).toBe('2026-07-01');
    expect(day('2026-12-31T23:30:00.000Z').day).toBe('2026-12-31');
    expect(day('2027-10-31T00:30:00.000Z').day).toBe('2027-10-31');
    expect(day(null).day).toBeNull();
    expect(day('not a time').day).toBeNull();
    database.close();
  });
});
