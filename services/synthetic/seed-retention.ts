import { randomUUID } from 'node:crypto';
import { londonDateOf } from '../../core/clock';
import type { Store } from '../../db/store';

/** Years and days before "now" that the demo's long-gone people left the service. */
const OLD_EXITS: ReadonlyArray<{ readonly yearsAgo: number; readonly daysAgo: number; readonly hold?: string }> = [
  { yearsAgo: 9, daysAgo: 40 },
  { yearsAgo: 8, daysAgo: 150, hold: 'Employment tribunal claim against the employer (synthetic example)' },
  { yearsAgo: 8, daysAgo: 20 },
  // Not due yet: shows that only records 8 years past exit are listed.
  { yearsAgo: 7, daysAgo: 0 },
];

/**
 * Gives a few of the demo's synthetic "exited" people an exit long ago, so the retention review
 * screen has records to show, one of them on legal hold. Deterministic: the first exited people
 * by reference. Their records are backdated to before the exit so the story holds together.
 */
export function seedDemoRetentionExamples(store: Store, adminUserId: string, now: Date): void {
  const people = store.sqlite
    .prepare(
      "SELECT id FROM participants WHERE status = 'exited' AND id NOT IN (SELECT participant_id FROM participant_exits) ORDER BY reference LIMIT ?",
    )
    .pluck()
    .all(OLD_EXITS.length) as string[];
  const insertExit = store.sqlite.prepare(
    "INSERT INTO participant_exits (participant_id, exited_on, reason, employment_outcome, recorded_by, recorded_at) VALUES (?, ?, 'support_completed', 'stayed_in_work', ?, ?)",
  );
  const backdate = store.sqlite.prepare('UPDATE participants SET created_at = ?, updated_at = ? WHERE id = ?');
  const insertHold = store.sqlite.prepare(
    'INSERT INTO legal_holds (id, participant_id, reason, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)',
  );
  store.sqlite.transaction(() => {
    people.forEach((participantId, index) => {
      const example = OLD_EXITS[index];
      if (example === undefined) return;
      // UTC arithmetic: the same answer in every time zone.
      const exit = new Date(now);
      exit.setUTCFullYear(exit.getUTCFullYear() - example.yearsAgo);
      exit.setUTCDate(exit.getUTCDate() - example.daysAgo);
      const referred = new Date(exit.getTime() - 200 * 86_400_000).toISOString();
      insertExit.run(participantId, londonDateOf(exit), adminUserId, exit.toISOString());
      backdate.run(referred, exit.toISOString(), participantId);
      if (example.hold !== undefined) insertHold.run(randomUUID(), participantId, example.hold, adminUserId, now.toISOString());
    });
  })();
}
