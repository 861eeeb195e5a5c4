import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import type { MiReturn } from '../../../core/schemas/fhir-export';
import type { FollowUp, PersonFollowUps } from '../../../core/schemas/follow-up';
import { inWorkFollowUp, registerClosedCase } from '../../support/closed-case';
import { value } from '../../support/demo-with-person';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { miReturnRows } from '../../support/mi-return-rows';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { tempDir } from '../../support/temp-dir';
import { TEST_TODAY, testClock } from '../../support/test-clock';

/** The follow-ups the server holds for one person (the demo's people who have left have follow-ups of their own). */
async function heldFollowUps(db: Awaited<ReturnType<typeof demoOnServer>>['db'], participantId: string) {
  const rows = await db.selectFrom('records').select('row').where('table_name', '=', 'follow_ups').execute();
  return rows.filter(({ row }) => (row as { participant_id?: unknown }).participant_id === participantId);
}

describe('follow-ups after exit across laptops (issue 20 item 6)', () => {
  it(
    'a follow-up recorded by a coach reaches the server, a coordinator’s laptop and the server’s MI return, the same as the laptop’s',
    { timeout: 240_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const id = await registerClosedCase(a, 'Syncfollow', 100);
      const saved = value<FollowUp>(await a.dispatch('followUps.record', inWorkFollowUp(id)));
      await a.close();
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      expect(await heldFollowUps(partnership.db, id)).toHaveLength(1);

      const laptopB = await partnership.enrol('demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
      const onB = value<PersonFollowUps>(await b.dispatch('followUps.ofPerson', { participantId: id }));
      expect(onB.exits[0]?.points[0]?.current).toEqual(saved);
      const month = TEST_TODAY.slice(0, 7);
      const laptopCsv = value<MiReturn>(await b.dispatch('exports.miReturn', { month })).csv;
      await b.close();

      const miFile = path.join(tempDir(), 'mi.csv');
      expect(
        await runCli(
          ['server', 'mi-return', '--database-url', partnership.databaseUrl, '--month', month, '--out', miFile],
          () => undefined,
          testClock(),
        ),
      ).toBe(0);
      const serverCsv = readFileSync(miFile, 'utf8');
      const row = (csv: string) => miReturnRows(csv).find((candidate) => candidate.follow_up_3_months_date === TEST_TODAY);
      expect(row(serverCsv)).toMatchObject({ follow_up_3_months_status: 'in_work', follow_up_3_months_date: TEST_TODAY });
      expect(row(serverCsv)).toEqual(row(laptopCsv));
    },
  );

  it(
    'two laptops recording the same follow-up offline: the first lands, the second is refused, and both then hold the first',
    { timeout: 240_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const id = await registerClosedCase(a, 'Twicefollow', 100);
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const laptopB = await partnership.enrol('demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');

      value(await a.dispatch('followUps.record', inWorkFollowUp(id)));
      const notReached = {
        outcome: 'could_not_contact',
        attempts: 2,
        employmentStatus: null,
        sameEmployer: null,
        hoursPerWeek: null,
      } as const;
      value(await b.dispatch('followUps.record', inWorkFollowUp(id, notReached)));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const late = await partnership.sync(laptopB.dataDir, 'demo.coordinator');
      expect(late.refused.map((refusal) => [refusal.channel, refusal.code])).toEqual([['followUps.record', 'CONFLICT']]);
      expect(await heldFollowUps(partnership.db, id)).toHaveLength(1);
      const onB = value<PersonFollowUps>(await b.dispatch('followUps.ofPerson', { participantId: id }));
      expect(onB.exits[0]?.points[0]?.entries.map((entry) => [entry.outcome, entry.recordedByName])).toEqual([['contacted', 'Demo Coach']]);
      await a.close();
      await b.close();
    },
  );

  it('the server refuses a follow-up pushed by a role that may not record one, and keeps nothing of it', { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const a = await laptopApp(partnership.laptopA, 'demo.coach');
    const id = await registerClosedCase(a, 'Forgedfollow', 100);
    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    value(await a.dispatch('followUps.record', inWorkFollowUp(id)));
    await a.close();
    // A physiotherapist may read follow-ups but not record them: they pass off the coach's waiting change as their own.
    await passOffOutboxChange(partnership.laptopA, 'followUps.record', 'demo.physio');
    const report = await partnership.sync(partnership.laptopA, 'demo.physio');
    expect(report.refused).toEqual([expect.objectContaining({ channel: 'followUps.record', code: 'FORBIDDEN' })]);
    expect(await heldFollowUps(partnership.db, id)).toEqual([]);
  });
});
