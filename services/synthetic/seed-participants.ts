import { addDaysToIsoDate } from '../../core/calendar-date';
import { londonDateOf } from '../../core/clock';
import { syntheticNhsNumber } from '../../core/nhs-number';
import type { ParticipantStatus } from '../../core/schemas/participants';
import { insertParticipantsBulk } from '../../db/repositories/participant-repository';
import type { Store } from '../../db/store';
import { seedCaseHistory, prepareHistoryStatements, type SeededPerson } from './seed-case-history';
import { SeededRandom } from './seeded-random';
import { seedMeetingCalendar } from './synthetic-meetings';
import type { SyntheticTeam } from './synthetic-team';
import { FAMILY_NAMES, GIVEN_NAMES } from './synthetic-names';

export interface SeedOptions {
  readonly participants: number;
  readonly seed: number;
  readonly now: Date;
  /**
   * With a team, each person also gets a history that fits their status (referral, consents,
   * assessments, measures, meetings, plans, adjustments, follow-ups, exits); without, people only.
   */
  readonly team?: SyntheticTeam;
}

const STATUS_WEIGHTS: ReadonlyArray<readonly [ParticipantStatus, number]> = [
  ['referred', 15],
  ['assessed', 15],
  ['ready_for_mdt', 20],
  ['active', 35],
  ['exited', 15],
];

/** 59% were out of work at first appointment in the pilots (shared/domain.md). */
const EMPLOYMENT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['in_work', 18],
  ['off_sick_fit_note', 17],
  ['off_sick_no_fit_note', 6],
  ['out_of_work_recent', 34],
  ['out_of_work_longer', 25],
];

const CONTACT_MODE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['phone', 45],
  ['in_person', 30],
  ['video', 15],
  ['community_venue', 10],
];

const JOB_TITLES = [
  'Care assistant',
  'Warehouse operative',
  'Retail assistant',
  'Bus driver',
  'Office administrator',
  'Chef',
  'Cleaner',
  'Teaching assistant',
  'Call centre adviser',
  'Nurse',
  'Electrician',
  'Delivery driver',
] as const;

/** Share of people with no NHS number recorded (self-referrals often arrive without one). */
const WITHOUT_NHS_NUMBER = 0.12;

const BATCH = 5_000;

/** Share of people given one of the partnership's coaches (the rest await allocation). */
const WITH_COACH = 0.7;

/** How far back people were created (days), so meetings are seeded from then on. */
const CREATED_WITHIN_DAYS = 540;

/** People with a plan in force ("Plan active") have a review date from three weeks ago to two months ahead. */
const REVIEW_DAYS_FROM = -21;
const REVIEW_DAYS_TO = 60;

/**
 * Adds synthetic people to the caseload, deterministically for a given seed. NHS numbers come from
 * the reserved 999 test range and follow the participant's reference sequence, so seeding twice
 * never collides.
 */
export function seedSyntheticParticipants(store: Store, options: SeedOptions): void {
  const random = new SeededRandom(options.seed);
  // A second stream for the caseload fields added later (coach, review and referral dates), so the
  // people a given seed made before keep their names, numbers and statuses.
  const caseload = new SeededRandom(options.seed + 7_919);
  const coaches = (
    store.sqlite.prepare("SELECT id FROM users WHERE role = 'coach' AND disabled_at IS NULL ORDER BY id").all() as Array<{ id: string }>
  ).map((row) => row.id);
  const nowYear = options.now.getUTCFullYear();
  // A third stream for the case history, so adding it changed nothing about the people themselves.
  const historyRandom = new SeededRandom(options.seed + 104_729);
  // Local, as the app dates everything (core/calendar-date.ts): the same day seed-demo-meeting uses.
  const today = londonDateOf(options.now);
  const history =
    options.team === undefined
      ? undefined
      : {
          random: historyRandom,
          team: options.team,
          today,
          statements: prepareHistoryStatements(store.sqlite),
          meetings: seedMeetingCalendar(store.sqlite, options.team, historyRandom, addDaysToIsoDate(today, -CREATED_WITHIN_DAYS), today),
        };
  let remaining = options.participants;
  while (remaining > 0) {
    const count = Math.min(BATCH, remaining);
    const batch: SeededPerson[] = [];
    insertParticipantsBulk(
      store.sqlite,
      (sequence) => {
        const birthYear = nowYear - random.integer(18, 66);
        const dateOfBirth = `${birthYear}-${pad(random.integer(1, 12))}-${pad(random.integer(1, 28))}`;
        const createdAt = new Date(options.now.getTime() - random.integer(0, CREATED_WITHIN_DAYS) * 86_400_000).toISOString();
        const person = {
          id: random.uuid(),
          given_name: random.pick(GIVEN_NAMES),
          family_name: random.pick(FAMILY_NAMES),
          date_of_birth: dateOfBirth,
          nhs_number: random.next() < WITHOUT_NHS_NUMBER ? null : syntheticNhsNumber(sequence),
          status: random.weighted(STATUS_WEIGHTS),
          created_at: createdAt,
          updated_at: createdAt,
          phone: `07700 900${String(sequence % 1000).padStart(3, '0')}`,
          email: null,
          address: null,
          preferred_contact_mode: random.weighted(CONTACT_MODE_WEIGHTS),
          employment_status: random.weighted(EMPLOYMENT_WEIGHTS),
          employer_name: null,
          employer_size: 'unknown',
          employer_contact: null,
          may_contact_employer: 0,
          job_title: random.pick(JOB_TITLES),
          physical_demands: null,
          cognitive_demands: null,
        };
        const hasCoach = coaches.length > 0 && caseload.next() < WITH_COACH;
        const row = {
          ...person,
          coach_user_id: hasCoach ? caseload.pick(coaches) : null,
          next_review_on: person.status === 'active' ? addDaysToIsoDate(today, caseload.integer(REVIEW_DAYS_FROM, REVIEW_DAYS_TO)) : null,
          referred_on: addDaysToIsoDate(createdAt.slice(0, 10), -caseload.integer(0, 21)),
        };
        batch.push(row);
        return row;
      },
      count,
    );
    if (history !== undefined) store.sqlite.transaction(() => batch.forEach((person) => seedCaseHistory(person, history)))();
    remaining -= count;
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
