import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { openCaseCountsByCoach, setParticipantCoach } from '../../../db/repositories/coach-caseload-repository';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoFromTemplate } from '../../support/demo-template';
import { TEST_NOW } from '../../support/test-clock';

/** Counts the statements a Kysely instance sends, so the test can hold the count to one grouped query. */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

describe('open cases by coach (caseload.coaches)', () => {
  it('counts each coach’s cases that are not exited, in one grouped query, and leaves out people with no coach', async () => {
    const { services, dataDir } = await demoFromTemplate();
    await services.close();
    const { store } = await unlockStore(storePaths(dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const [coachA, coachB] = store.sqlite.prepare('SELECT id FROM users ORDER BY username LIMIT 2').pluck().all() as string[];
      const people = store.sqlite.prepare('SELECT id FROM participants ORDER BY id').pluck().all() as string[];
      expect(people.length, 'the demo store holds enough people to share out').toBeGreaterThanOrEqual(5);
      // A known starting point: nobody has a coach and nobody has left.
      store.sqlite.prepare("UPDATE participants SET coach_user_id = NULL, status = 'active'").run();
      const share: ReadonlyArray<readonly [number, string]> = [
        [0, coachA!],
        [1, coachA!],
        [2, coachA!],
        [3, coachB!],
        [4, coachB!],
      ];
      for (const [index, coach] of share) await setParticipantCoach(store.db, people[index]!, coach, TEST_NOW);
      // An exited case is no longer open: one of each coach's cases leaves.
      const exit = store.sqlite.prepare("UPDATE participants SET status = 'exited' WHERE id = ?");
      exit.run(people[2]);
      exit.run(people[4]);

      const counter = statementCounter();
      const counts = await openCaseCountsByCoach(store.db.withPlugin(counter));
      expect(counts).toEqual(
        new Map([
          [coachA, 2],
          [coachB, 1],
        ]),
      );
      expect(counter.count).toBe(1);
    } finally {
      await store.close();
    }
  });
});
