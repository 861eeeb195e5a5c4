import { describe, expect, it } from 'vitest';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';
import { raiseRiskFlag } from '../../support/raise-risk-flag';

type Caseload = { items: Array<{ id: string; reference: string; hasOpenRiskFlag: boolean }>; total?: number };

describe('one partnership, two laptops', () => {
  // Two enrolments of the demo (240 people): about 12 s on an idle machine, allowed more under load.
  it(
    'init puts a demo store on the server; an enrolled laptop receives it; a risk flag raised on A shows on B after sync',
    { timeout: 90_000 },
    async () => {
      const partnership = await demoOnServer();
      expect(partnership.init.records).toBeGreaterThan(240);
      const { count } = await partnership.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('table_name', '=', 'participants')
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(240);

      const laptopB = await partnership.enrol('demo.coordinator');
      expect(laptopB.report.referenceBlock).toBe(2);
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
      const before = value<Caseload>(await b.dispatch('participants.list', { pageSize: 200 }));
      expect(before.items.length).toBe(200);

      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const { id, reference } = value<{ id: string; reference: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Syncperson' } })),
      );
      await raiseRiskFlag(a, id);

      const pushed = await partnership.sync(partnership.laptopA, 'demo.coach');
      expect(pushed).toMatchObject({ pushed: 2, refused: [] });
      const pulled = await partnership.sync(laptopB.dataDir, 'demo.coordinator');
      expect(pulled.pulled).toBeGreaterThanOrEqual(4);

      const found = value<Caseload>(await b.dispatch('participants.list', { pageSize: 50, search: 'Syncperson' }));
      expect(found.items).toEqual([expect.objectContaining({ id, reference, hasOpenRiskFlag: true })]);
      const record = value<{ openRiskFlags: unknown[]; measures: unknown[] }>(await b.dispatch('participants.get', { id }));
      expect(record.openRiskFlags).toHaveLength(1);
      expect(record.measures).toHaveLength(1);

      // B registers offline too: its reference comes from its own block, never A's next number.
      const onB = value<{ reference: string }>(
        await b.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Otherperson', givenName: 'Sam' } })),
      );
      expect(onB.reference).toBe('WW-1000001');
      const nextOnA = value<{ reference: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Thirdperson', givenName: 'Kim' } })),
      );
      expect(nextOnA.reference).toBe('WW-000242');
      expect((await partnership.sync(laptopB.dataDir, 'demo.coordinator')).refused).toEqual([]);
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      expect(value<Caseload>(await a.dispatch('participants.list', { pageSize: 50, search: 'Otherperson' })).items).toEqual([
        expect.objectContaining({ reference: 'WW-1000001' }),
      ]);
    },
  );
});
