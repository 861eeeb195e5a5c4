import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { listOutbox } from '../../../db/sync/outbox';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';

const passphrase = DEMO_PARTNERSHIP.passphrase;
const PHQ9_WITH_RISK = { measure: 'phq9', answers: [2, 2, 1, 1, 2, 1, 1, 1, 2] };

async function rowsOf(dataDir: string, username: string, sql: string, ...params: string[]) {
  const opened = await openSyncStore(dataDir, username, passphrase);
  try {
    return opened.store.sqlite.prepare(sql).all(...params);
  } finally {
    await opened.close();
  }
}

/**
 * The rule for a refused change's dependants (issue 14, "nothing forks"): a change that builds on
 * a record the server refused (a measure and risk flag for a person whose registration was
 * refused) is refused too, whenever it is pushed, with its own typed reason; the laptop is put
 * back to the server's rows for all of them, and each person's text stays in the refused list.
 */
describe('a refused change and the changes built on it', () => {
  it('are refused together; the laptop holds the server rows and keeps every input with its reason', { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const laptopB = await partnership.enrol('demo.coach');
    const a = await laptopApp(partnership.laptopA, 'demo.coach');
    const b = await laptopApp(laptopB.dataDir, 'demo.coach');
    // Both laptops register the same NHS number offline; A reaches the server first.
    const nhsNumber = '943 476 5919';
    value(await a.dispatch('participants.register', testReferral({ person: { nhsNumber, familyName: 'Firstcomer' } })));
    const onB = value<{ id: string }>(
      await b.dispatch('participants.register', testReferral({ person: { nhsNumber, familyName: 'Secondcomer' } })),
    );
    // B goes on working with its person: a PHQ-9 that raises a risk flag, consent, a note on another (independent) person.
    value(
      await b.dispatch('measures.record', {
        participantId: onB.id,
        discipline: 'employment_support',
        takenOn: '2026-11-05',
        response: PHQ9_WITH_RISK,
      }),
    );
    value(
      await b.dispatch('consents.record', {
        participantId: onB.id,
        purpose: 'service',
        decision: 'given',
        date: '2026-11-20',
        method: 'verbal',
      }),
    );
    const independent = value<{ id: string }>(
      await b.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Independent' } })),
    );

    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    const report = await partnership.sync(laptopB.dataDir, 'demo.coach');
    expect(report.refused.map((refusal) => [refusal.channel, refusal.code])).toEqual([
      ['participants.register', 'CONFLICT'],
      ['measures.record', 'CONFLICT'],
      ['consents.record', 'CONFLICT'],
    ]);
    expect(report.refused[0]!.message).toMatch(/Someone else recorded the same thing on another laptop first/);
    for (const dependant of report.refused.slice(1))
      expect(dependant.message).toMatch(/builds on a record the partnership server does not hold/);
    expect(report.pushed).toBe(1);

    // The server holds A's person and B's independent one, nothing of B's refused person.
    const server = await partnership.db.selectFrom('records').select(['table_name', 'row']).execute();
    const serverText = JSON.stringify(server);
    expect(serverText).toContain('Firstcomer');
    expect(serverText).toContain(independent.id);
    expect(serverText).not.toContain('Secondcomer');
    expect(serverText).not.toContain(onB.id);

    // Laptop B is back to the server's rows: its refused person, their measure, flag and consent are gone; A's person arrived.
    for (const table of ['participants', 'measure_results', 'risk_flags', 'consents'])
      expect(
        await rowsOf(
          laptopB.dataDir,
          'demo.coach',
          `SELECT id FROM ${table} WHERE ${table === 'participants' ? 'id' : 'participant_id'} = ?`,
          onB.id,
        ),
        table,
      ).toEqual([]);
    expect(
      await rowsOf(
        laptopB.dataDir,
        'demo.coach',
        "SELECT family_name FROM participants WHERE family_name IN ('Firstcomer', 'Independent') ORDER BY family_name",
      ),
    ).toEqual([{ family_name: 'Firstcomer' }, { family_name: 'Independent' }]);
    // What was typed is kept, each with the reason shown to the person.
    const opened = await openSyncStore(laptopB.dataDir, 'demo.coach', passphrase);
    try {
      const refused = listOutbox(opened.store, 'refused');
      expect(refused.map((entry) => [entry.channel, entry.refusalCode])).toEqual([
        ['participants.register', 'CONFLICT'],
        ['measures.record', 'CONFLICT'],
        ['consents.record', 'CONFLICT'],
      ]);
      expect(refused[0]!.input).toMatchObject({ person: { familyName: 'Secondcomer' } });
      expect(refused[1]!.input).toMatchObject({ response: PHQ9_WITH_RISK });
      expect(refused.every((entry) => (entry.refusal ?? '').length > 0)).toBe(true);
    } finally {
      await opened.close();
    }
    // The next sync is quiet: nothing waits, nothing more is refused.
    expect(await partnership.sync(laptopB.dataDir, 'demo.coach')).toMatchObject({ pushed: 0, refused: [] });
  });
});
