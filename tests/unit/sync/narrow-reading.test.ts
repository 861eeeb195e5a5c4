import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Role } from '../../../core/roles';
import { SYNCED_TABLES } from '../../../core/sync/synced-tables';
import { inRequestScope, inWholePartnershipScope } from '../../../server/request-scope';
import { value } from '../../support/demo-with-person';
import { raiseRiskFlag } from '../../support/raise-risk-flag';
import { storeReader } from '../../support/store-reader';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';

const passphrase = DEMO_PARTNERSHIP.passphrase;
/** Enrolling laptops from the demo partnership on a busy 2-core machine. */
const SLOW = 240_000;

/** The synced tables an administrator does not read: every clinical one. */
const CLINICAL = SYNCED_TABLES.filter((entry) => !entry.readBy.includes('administrator')).map((entry) => entry.table);

type Partnership = Awaited<ReturnType<typeof demoOnServer>>;

/** How many rows of `tables` (optionally of one key) the server's records hold, as `who` reads them, or whole. */
async function serverCount(
  partnership: Partnership,
  who: { role: Role; username: string } | 'whole',
  tables: readonly string[],
  key?: string,
) {
  const partnershipId = partnership.init.partnershipId;
  const where = sql`table_name IN (${sql.join(tables)}) AND (${key ?? null}::text IS NULL OR key = ${JSON.stringify([key])})`;
  const count = async (trx: Parameters<Parameters<typeof inRequestScope>[2]>[0]) => {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM records WHERE ${where}`.execute(trx);
    return Number(rows[0]?.n);
  };
  if (who === 'whole') return inWholePartnershipScope(partnership.db, { partnershipId, role: 'administrator', userId: 'test' }, count);
  const user = await partnership.db.selectFrom('users').select('id').where('username', '=', who.username).executeTakeFirstOrThrow();
  return inRequestScope(partnership.db, { partnershipId, role: who.role, userId: user.id }, count);
}

/** Rows of each of `tables` in a laptop's store, as `username` opens it. */
async function storeCounts(dataDir: string, username: string, tables: readonly string[]): Promise<Record<string, number>> {
  const store = await storeReader(dataDir, username, passphrase);
  try {
    return store.read((database) =>
      Object.fromEntries(
        tables.map((table) => [table, (database.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n]),
      ),
    );
  } finally {
    store.forget();
  }
}

/** One row of a laptop's store as `username` opens it (undefined when the laptop does not hold it). */
async function rowOnLaptop(dataDir: string, username: string, query: string, id: string): Promise<unknown> {
  const store = await storeReader(dataDir, username, passphrase);
  try {
    return store.read((database) => database.prepare(query).get(id));
  } finally {
    store.forget();
  }
}

/** On laptop A: the coach registers a person, then `drafter` signs in there to draft for them. */
async function personOnLaptopA(partnership: Partnership, familyName: string, drafter: string) {
  const a = await laptopApp(partnership.laptopA, 'demo.coach');
  const { id: participantId } = value<{ id: string }>(
    await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName } })),
  );
  value(await a.dispatch('session.lock', {}));
  value(await a.dispatch('session.unlock', { username: drafter, passphrase }));
  return { a, participantId };
}

describe('what each laptop holds (issue 14 item 6, issue 18 item 5)', () => {
  it(
    "an administrator's laptop receives no clinical table, at enrolment or after, and row-level security hides them; it still pushes its own work",
    { timeout: SLOW },
    async () => {
      const partnership = await demoOnServer();
      // The demo partnership holds clinical records, so "none received" means something.
      expect(await serverCount(partnership, 'whole', ['assessments', 'measure_results', 'action_plans'])).toBeGreaterThan(0);
      const laptop = await partnership.enrol('demo.admin');
      const nothing = Object.fromEntries(CLINICAL.map((table) => [table, 0]));
      expect(await storeCounts(laptop.dataDir, 'demo.admin', CLINICAL)).toEqual(nothing);
      const details = await storeCounts(laptop.dataDir, 'demo.admin', ['participants', 'consents', 'referrals']);
      expect(details.participants).toBe(await serverCount(partnership, 'whole', ['participants']));
      expect(details.consents).toBeGreaterThan(0);
      // PostgreSQL itself: the administrator's request scope holds no clinical row, whatever a query asks.
      expect(await serverCount(partnership, { role: 'administrator', username: 'demo.admin' }, CLINICAL)).toBe(0);
      expect(await serverCount(partnership, { role: 'coordinator', username: 'demo.coordinator' }, CLINICAL)).toBeGreaterThan(0);

      // A coach's PHQ-9 and risk flag elsewhere: the person reaches the administrator, the measure never does.
      const coach = await laptopApp(partnership.laptopA, 'demo.coach');
      const { id } = value<{ id: string }>(
        await coach.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Clinicalperson' } })),
      );
      await raiseRiskFlag(coach, id);
      expect(await partnership.sync(partnership.laptopA, 'demo.coach')).toMatchObject({ pushed: 2, refused: [] });
      const admin = await laptopApp(laptop.dataDir, 'demo.admin');
      value(await admin.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Adminperson' } })));
      expect(await partnership.sync(laptop.dataDir, 'demo.admin')).toMatchObject({ pushed: 1, refused: [] });
      expect(await storeCounts(laptop.dataDir, 'demo.admin', CLINICAL)).toEqual(nothing);
      const store = await storeReader(laptop.dataDir, 'demo.admin', passphrase);
      expect(
        store.read((database) => database.prepare('SELECT family_name FROM participants WHERE id = ?').get(id) as { family_name: string }),
      ).toEqual({ family_name: 'Clinicalperson' });
      store.forget();
    },
  );

  it(
    "another clinician's discipline draft is held back from their laptop until it is signed, then it arrives",
    { timeout: SLOW },
    async () => {
      const partnership = await demoOnServer();
      const { a, participantId } = await personOnLaptopA(partnership, 'Draftperson', 'demo.physio');
      const draft = value<{ id: string; version: number }>(
        await a.dispatch('assessments.saveDisciplineDraft', {
          participantId,
          assessedOn: '2026-11-10',
          findings: 'Lumbar flexion limited to knee level.',
          workImpact: 'Cannot stand at the till for more than 40 minutes.',
          recommendations: 'A perching stool at the till.',
        }),
      );
      expect(await partnership.sync(partnership.laptopA, 'demo.coach')).toMatchObject({ pushed: 1, refused: [] });
      expect(await partnership.sync(partnership.laptopA, 'demo.physio')).toMatchObject({ pushed: 1, refused: [] });

      const b = await partnership.enrol('demo.ot');
      const onB = () => rowOnLaptop(b.dataDir, 'demo.ot', 'SELECT signed_at FROM assessments WHERE id = ?', draft.id);
      expect(await onB()).toBeUndefined();
      expect(await serverCount(partnership, { role: 'occupational_therapist', username: 'demo.ot' }, ['assessments'], draft.id)).toBe(0);
      expect(await serverCount(partnership, { role: 'physiotherapist', username: 'demo.physio' }, ['assessments'], draft.id)).toBe(1);
      expect(await serverCount(partnership, { role: 'coordinator', username: 'demo.coordinator' }, ['assessments'], draft.id)).toBe(0);

      value(await a.dispatch('assessments.sign', { id: draft.id, version: draft.version }));
      expect(await partnership.sync(partnership.laptopA, 'demo.physio')).toMatchObject({ pushed: 1, refused: [] });
      expect((await partnership.sync(b.dataDir, 'demo.ot')).pulled).toBeGreaterThan(0);
      expect(await onB()).toEqual({ signed_at: expect.any(String) });
      expect(await serverCount(partnership, { role: 'occupational_therapist', username: 'demo.ot' }, ['assessments'], draft.id)).toBe(1);
    },
  );

  it(
    "an OT's unsigned AHP Health and Work Report never reaches a physiotherapist's laptop nor is readable as them under row-level security; once signed it does",
    { timeout: SLOW },
    async () => {
      const partnership = await demoOnServer();
      const { a, participantId } = await personOnLaptopA(partnership, 'Ahpdraftperson', 'demo.ot');
      const content = {
        participantId,
        fitness: 'not_fit',
        periodFrom: '2026-12-07',
        periodTo: '2027-01-04',
        difficulties: [],
        organisation: 'South Yorkshire WorkWell',
        assessedOn: '2026-11-10',
      };
      const draft = value<{ id: string; version: number }>(await a.dispatch('adjustments.saveAhpReport', content));
      expect(await partnership.sync(partnership.laptopA, 'demo.coach')).toMatchObject({ pushed: 1, refused: [] });
      expect(await partnership.sync(partnership.laptopA, 'demo.ot')).toMatchObject({ pushed: 1, refused: [] });

      const b = await partnership.enrol('demo.physio');
      const onB = () => rowOnLaptop(b.dataDir, 'demo.physio', 'SELECT status, signed_at FROM ahp_reports WHERE id = ?', draft.id);
      const asReader = (role: Role, username: string) => serverCount(partnership, { role, username }, ['ahp_reports'], draft.id);
      expect(await onB()).toBeUndefined();
      expect(await asReader('physiotherapist', 'demo.physio')).toBe(0);
      expect(await asReader('coordinator', 'demo.coordinator')).toBe(0);
      expect(await asReader('occupational_therapist', 'demo.ot')).toBe(1);

      // Saved again, still a draft: the physiotherapist's next sync brings the person, not the report.
      value(
        await a.dispatch('adjustments.saveAhpReport', { ...content, reportId: draft.id, version: draft.version, periodTo: '2027-01-11' }),
      );
      expect(await partnership.sync(partnership.laptopA, 'demo.ot')).toMatchObject({ pushed: 1, refused: [] });
      await partnership.sync(b.dataDir, 'demo.physio');
      expect(await onB()).toBeUndefined();
      expect(await asReader('physiotherapist', 'demo.physio')).toBe(0);

      value(await a.dispatch('adjustments.signAhpReport', { participantId, reportId: draft.id, version: draft.version + 1 }));
      expect(await partnership.sync(partnership.laptopA, 'demo.ot')).toMatchObject({ pushed: 1, refused: [] });
      expect((await partnership.sync(b.dataDir, 'demo.physio')).pulled).toBeGreaterThan(0);
      expect(await onB()).toEqual({ status: 'signed', signed_at: expect.any(String) });
      expect(await asReader('physiotherapist', 'demo.physio')).toBe(1);
      expect(await asReader('coordinator', 'demo.coordinator')).toBe(1);
    },
  );

  it(
    'on a laptop shared by an administrator and a coordinator, the coordinator still receives what arrived at the administrator’s sync',
    { timeout: SLOW },
    async () => {
      const partnership = await demoOnServer();
      const b = await partnership.enrol('demo.coach');
      const coach = await laptopApp(b.dataDir, 'demo.coach');
      const { id } = value<{ id: string }>(
        await coach.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Sharedperson' } })),
      );
      await raiseRiskFlag(coach, id);
      // A change the administrator does read, after it: their pull's cursor moves past the PHQ-9.
      value(await coach.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Laterperson' } })));
      expect(await partnership.sync(b.dataDir, 'demo.coach')).toMatchObject({ pushed: 3, refused: [] });

      const measuresOnA = async () => {
        const store = await storeReader(partnership.laptopA, 'demo.admin', passphrase);
        try {
          return store.read(
            (database) =>
              (database.prepare('SELECT count(*) AS n FROM measure_results WHERE participant_id = ?').get(id) as { n: number }).n,
          );
        } finally {
          store.forget();
        }
      };
      // The administrator's sync moves laptop A's cursor past the PHQ-9 without it...
      expect((await partnership.sync(partnership.laptopA, 'demo.admin')).pulled).toBeGreaterThan(0);
      expect(await measuresOnA()).toBe(0);
      // ...so the coordinator's sync there is served it from where the coordinator last was.
      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).pulled).toBeGreaterThan(0);
      expect(await measuresOnA()).toBe(1);
    },
  );
});
