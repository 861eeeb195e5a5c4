import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { registerLondonDate } from '../../../db/open-store';
import { MI_PLAN_ACTIVE_DATE, MI_PLAN_AGREED_DATE } from '../../../db/repositories/mi-facts-sql';

/**
 * The MI return's and dashboard's plan dates settle most timestamps in SQL rather than calling
 * `london_date` for each row (issue 20 item 7: the dashboard at 250,000 people). The day must still be
 * England's: British Summer Time moves a late-evening UTC instant into the next day.
 */
describe("the MI facts' plan dates (England's day, read cheaply)", () => {
  it('count a plan agreed or made active late in a summer evening (UTC) on the next day, and read timestamps of any form', () => {
    const sqlite = new Database(':memory:');
    registerLondonDate(sqlite);
    try {
      sqlite.exec(`CREATE TABLE action_plans (participant_id TEXT, version_number INTEGER, created_at TEXT, mdt_agreed_at TEXT, activated_at TEXT);
        CREATE TABLE participants (id TEXT)`);
      const dates = (plans: Array<[agreedAt: string | null, activatedAt: string | null]>, last: string) => {
        sqlite.exec('DELETE FROM action_plans');
        const insert = sqlite.prepare(`INSERT INTO action_plans VALUES ('p1', ?, '2026-06-01T09:00:00.000Z', ?, ?)`);
        plans.forEach(([agreedAt, activatedAt], index) => insert.run(index + 1, agreedAt, activatedAt));
        return sqlite
          .prepare(
            `SELECT ${MI_PLAN_AGREED_DATE} AS agreed, ${MI_PLAN_ACTIVE_DATE} AS active
             FROM (SELECT 'p1' AS participant_id, 1 AS number, '2026-06-01' AS started_on, NULL AS next_started_on) ep`,
          )
          .get({ last }) as { agreed: string | null; active: string | null };
      };
      // 23:30 UTC on 1 July is 00:30 on 2 July in England: not yet by 1 July, and on 2 July.
      expect(dates([['2026-07-01T23:30:00.000Z', '2026-07-01T23:00:00.000Z']], '2026-07-01')).toEqual({ agreed: null, active: null });
      expect(dates([['2026-07-01T23:30:00.000Z', '2026-07-01T23:00:00.000Z']], '2026-07-02')).toEqual({
        agreed: '2026-07-02',
        active: '2026-07-02',
      });
      // 22:59 UTC is still 1 July in England; in winter (GMT) 23:30 UTC is the same day.
      expect(dates([['2026-07-01T22:59:59.999Z', null]], '2026-07-01')).toEqual({ agreed: '2026-07-01', active: null });
      expect(dates([['2026-12-01T23:30:00.000Z', null]], '2026-12-01')).toEqual({ agreed: '2026-12-01', active: null });
      // The earliest of several versions, whatever form a timestamp takes (an offset is read as the instant it names).
      expect(
        dates(
          [
            ['2026-07-03T08:00:00.000Z', '2026-07-05T08:00:00.000Z'],
            ['2026-07-03T00:30:00+02:00', '2026-07-04T08:00:00.000Z'],
          ],
          '2026-07-31',
        ),
      ).toEqual({ agreed: '2026-07-02', active: '2026-07-04' });
    } finally {
      sqlite.close();
    }
  });
});
