import { addDaysToIsoDate } from '../../core/calendar-date';
import { londonDateOf } from '../../core/clock';
import { contract } from '../../core/contract';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { followUpSchedule } from '../../core/follow-ups/follow-up-due';
import { EXIT_REASONS, type EMPLOYMENT_OUTCOMES } from '../../core/schemas/action-plan';
import type { EMPLOYMENT_STATUSES } from '../../core/schemas/referral';
import { recordExit } from '../../db/repositories/action-plan-repository';
import { findUserByUsername } from '../../db/repositories/user-repository';
import type { Store } from '../../db/store';
import { recordFollowUp } from '../follow-ups/follow-up-service';
import { SeededRandom } from './seeded-random';

const OUTCOME_WEIGHTS: ReadonlyArray<readonly [(typeof EMPLOYMENT_OUTCOMES)[number], number]> = [
  ['returned_to_work', 30],
  ['stayed_in_work', 22],
  ['new_job', 14],
  ['not_in_work', 34],
];

/** Exits spread over the last ten months: follow-ups recorded, overdue, due soon and not yet due all show. */
const EXITED_DAYS_AGO = [20, 300] as const;
/** Share of follow-ups past their due date that someone has recorded (the rest are overdue). */
const RECORDED_WHEN_DUE = 0.65;
/** Share of those recorded where the person could not be reached. */
const NOT_REACHED = 0.15;

/**
 * Gives the demo's people who have left the service (those without an exit yet: the retention
 * examples keep their old ones) an exit in the last ten months with its employment outcome, and
 * their 3- and 6-month follow-ups (issue 20 item 6): most of those past due are recorded (in work or
 * not, a few not reached), the rest overdue, and the ones to come stay due or not yet due.
 * Deterministic (its own seeded stream); follow-ups go through the same schema and service as the screen.
 */
export async function seedDemoFollowUps(store: Store, now: Date): Promise<void> {
  // One transaction: a commit per row made the demo's first run a second slower.
  await store.db.transaction().execute(async (trx) => seedWithin({ ...store, db: trx }, now));
}

async function seedWithin(store: Store, now: Date): Promise<void> {
  const today = londonDateOf(now);
  const random = new SeededRandom(DEMO_PARTNERSHIP.seed + 15_485_863);
  const coach = await findUserByUsername(store.db, 'demo.coach');
  if (coach === undefined) return;
  const people = await store.db
    .selectFrom('participants')
    .select(['id', 'referred_on', 'created_at'])
    .where('status', '=', 'exited')
    .where('id', 'not in', store.db.selectFrom('participant_exits').select('participant_id'))
    .orderBy('reference')
    .execute();
  for (const person of people) {
    const referred = person.referred_on ?? person.created_at.slice(0, 10);
    const spread = addDaysToIsoDate(today, -random.integer(...EXITED_DAYS_AGO));
    const earliest = addDaysToIsoDate(referred, 60);
    const exitedOn = [spread < earliest ? earliest : spread, today].sort()[0] ?? today;
    const outcome = random.weighted(OUTCOME_WEIGHTS);
    await recordExit(store.db, {
      participant_id: person.id,
      exited_on: exitedOn,
      reason: outcome === 'not_in_work' ? random.pick(EXIT_REASONS) : 'support_completed',
      employment_outcome: outcome,
      recorded_by: coach.id,
      recorded_at: `${exitedOn}T16:00:00.000Z`,
    });
    for (const { point, dueOn } of followUpSchedule(exitedOn)) {
      if (dueOn > today || random.next() >= RECORDED_WHEN_DUE) continue;
      // By yesterday at the latest: today's follow-ups are the ones the team records in the app.
      const yesterday = addDaysToIsoDate(today, -1);
      const contactedOn = [addDaysToIsoDate(dueOn, random.integer(0, 12)), yesterday].sort()[0] ?? yesterday;
      const reached = random.next() >= NOT_REACHED;
      const status: (typeof EMPLOYMENT_STATUSES)[number] =
        outcome === 'not_in_work'
          ? random.next() < 0.25
            ? 'in_work'
            : 'out_of_work_recent'
          : random.next() < 0.85
            ? 'in_work'
            : 'off_sick_fit_note';
      await recordFollowUp(
        store,
        contract['followUps.record'].input.parse({
          participantId: person.id,
          point,
          contactedOn,
          method: random.pick(['phone', 'phone', 'text_message', 'email'] as const),
          outcome: reached ? 'contacted' : 'could_not_contact',
          attempts: reached ? null : random.integer(2, 4),
          employmentStatus: reached ? status : null,
          sameEmployer: reached && status !== 'out_of_work_recent' ? outcome === 'stayed_in_work' || outcome === 'returned_to_work' : null,
          hoursPerWeek: reached && status === 'in_work' ? random.pick([16, 22.5, 30, 37.5]) : null,
        }),
        coach.id,
        now,
      );
    }
  }
}
