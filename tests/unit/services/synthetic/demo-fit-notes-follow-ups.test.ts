import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import type { FollowUpsDue } from '../../../../core/schemas/follow-up';
import { demoFromTemplate } from '../../../support/demo-template';
import { value } from '../../../support/demo-with-person';
import { storeReader } from '../../../support/store-reader';
import { TEST_TODAY } from '../../../support/test-clock';
import { addDaysToIsoDate } from '../../../../core/calendar-date';

describe('the demo partnership’s fit notes and follow-ups (issue 20 items 2 and 6)', () => {
  it('gives a share of people fit notes (current, ended, one indefinite; none on the meeting’s agenda) and those who left their exits and follow-ups', async () => {
    const { dataDir, services } = await demoFromTemplate();
    const reader = await storeReader(dataDir, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    const facts = reader.read((database) => {
      const one = <T>(query: string, ...values: unknown[]) => database.prepare(query).get(...values) as T;
      return {
        people: one<{ n: number }>('SELECT count(*) AS n FROM participants').n,
        withNotes: one<{ n: number }>('SELECT count(DISTINCT participant_id) AS n FROM fit_notes').n,
        current: one<{ n: number }>(
          'SELECT count(*) AS n FROM fit_notes WHERE period_from <= ? AND (period_to IS NULL OR period_to >= ?)',
          TEST_TODAY,
          TEST_TODAY,
        ).n,
        ended: one<{ n: number }>('SELECT count(*) AS n FROM fit_notes WHERE period_to < ?', TEST_TODAY).n,
        indefinite: one<{ n: number }>('SELECT count(*) AS n FROM fit_notes WHERE period_to IS NULL').n,
        onAgenda: one<{ n: number }>(
          'SELECT count(*) AS n FROM fit_notes WHERE participant_id IN (SELECT participant_id FROM agenda_items)',
        ).n,
        offSickWithout: one<{ n: number }>(
          "SELECT count(*) AS n FROM participants p WHERE employment_status = 'off_sick_fit_note' AND NOT EXISTS (SELECT 1 FROM fit_notes f WHERE f.participant_id = p.id) AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.participant_id = p.id) AND NOT EXISTS (SELECT 1 FROM participant_exits x WHERE x.participant_id = p.id AND x.exited_on < ?)",
          addDaysToIsoDate(TEST_TODAY, -365 * 5),
        ).n,
        exitedWithoutExit: one<{ n: number }>(
          "SELECT count(*) AS n FROM participants WHERE status = 'exited' AND id NOT IN (SELECT participant_id FROM participant_exits)",
        ).n,
        followUps: one<{ n: number }>('SELECT count(*) AS n FROM follow_ups').n,
        notReached: one<{ n: number }>("SELECT count(*) AS n FROM follow_ups WHERE outcome = 'could_not_contact'").n,
      };
    });
    expect(facts.withNotes / facts.people).toBeGreaterThan(0.2);
    expect(facts.withNotes / facts.people).toBeLessThan(0.7);
    expect(facts.current).toBeGreaterThan(5);
    expect(facts.ended).toBeGreaterThan(5);
    expect(facts.indefinite).toBe(1);
    expect(facts.onAgenda).toBe(0);
    expect(facts.offSickWithout).toBe(0);
    expect(facts.exitedWithoutExit).toBe(0);
    expect(facts.followUps).toBeGreaterThan(5);
    expect(facts.notReached).toBeGreaterThan(0);

    // The list of follow-ups due has overdue ones and ones due soon or later.
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
    const due = value<FollowUpsDue>(await services.dispatch('followUps.due', {}));
    expect(due.items.some((item) => item.state === 'overdue')).toBe(true);
    await services.close();
  }, 60_000);
});
