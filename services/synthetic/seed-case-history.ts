import { addDaysToIsoDate } from '../../core/calendar-date';
import { ADJUSTMENT_RECOMMENDATIONS, RECOMMENDATION_DEFAULT_CATEGORY } from '../../core/adjustments/adjustment-library';
import type { PlanAction, PlanContent } from '../../core/schemas/action-plan';
import { EXIT_REASONS, PERSON_AGREEMENT_METHODS, type EMPLOYMENT_OUTCOMES } from '../../core/schemas/action-plan';
import { READINESS_LEVELS, SOCIAL_BARRIERS, type MAIN_BARRIERS } from '../../core/schemas/assessment';
import { CONSENT_METHODS } from '../../core/schemas/consent';
import type { REFERRAL_ROUTES } from '../../core/schemas/referral';
import type { Adjustment } from '../../core/schemas/workplace-adjustments';
import type { MeasureId } from '../../core/scoring/measure-id';
import { scoreMeasure } from '../../core/scoring/measure-definitions';
import type { SqliteDatabase } from '../../db/open-store';
import { JOINED_UP_KIND } from '../assessments/assessment-service';
import { answersFor, baselineSeverity, COURSE_WEIGHTS, nextSeverity } from './measure-trajectories';
import type { SeededRandom } from './seeded-random';
import type { SyntheticTeam } from './synthetic-team';

/** The participant fields the history is built around (as just inserted). */
export interface SeededPerson {
  readonly id: string;
  readonly status: string;
  readonly employment_status: string;
  readonly created_at: string;
  readonly referred_on: string;
  readonly next_review_on: string | null;
  readonly coach_user_id: string | null;
}

/** About 48% give mental health as the main barrier to work (shared/domain.md). */
const BARRIER_WEIGHTS: ReadonlyArray<readonly [(typeof MAIN_BARRIERS)[number], number]> = [
  ['mental_health', 48],
  ['musculoskeletal', 27],
  ['long_term_condition', 12],
  ['other_physical', 9],
  ['other', 4],
];

const ROUTE_WEIGHTS: ReadonlyArray<readonly [(typeof REFERRAL_ROUTES)[number], number]> = [
  ['gp', 34],
  ['self_referral', 20],
  ['jobcentre_plus', 16],
  ['fit_note_conversation', 12],
  ['employer', 10],
  ['community_service', 8],
];

const EXIT_OUTCOME_WEIGHTS: ReadonlyArray<readonly [(typeof EMPLOYMENT_OUTCOMES)[number], number]> = [
  ['returned_to_work', 30],
  ['stayed_in_work', 22],
  ['new_job', 14],
  ['not_in_work', 34],
];

const HEALTH_BY_BARRIER: Readonly<Record<(typeof MAIN_BARRIERS)[number], readonly string[]>> = {
  mental_health: [
    'Low mood and poor sleep since a bereavement.',
    'Work-related stress and panic attacks.',
    'Anxiety that makes travelling to work hard.',
  ],
  musculoskeletal: [
    'Low back pain after a lifting injury.',
    'Neck and shoulder pain from long shifts at a desk.',
    'Knee pain; struggles with stairs and standing.',
  ],
  long_term_condition: [
    'Type 2 diabetes and fatigue.',
    'Long COVID: breathlessness and tiredness.',
    'Asthma that flares with dust at work.',
  ],
  other_physical: ['Recovering from a shoulder operation.', 'Recovering from a broken ankle.'],
  other: ['Hearing loss making phone work hard.', 'Migraines most weeks.'],
};

const GOALS = [
  'Back to my usual shifts without dreading it.',
  'A job where I can sit some of the time.',
  'Keep the job I have and manage the pain.',
  'Feel calm enough to go back, maybe on different hours.',
  'Find work near home that fits round caring.',
];
const MATTERS = [
  'Being there for my kids.',
  'Keeping the flat.',
  'Not letting the team down.',
  'Having some routine in my week.',
  'Earning enough to stop worrying about bills.',
];

/** What each discipline typically does, and which measures it uses. */
const INTERVENTIONS: Readonly<Record<string, readonly string[]>> = {
  employment_support: [
    'Weekly coaching call about work goals',
    'Help to update CV and apply for two jobs',
    'Prepare for the return-to-work meeting with the manager',
    'Talk through a graded return with the employer',
  ],
  physiotherapy: [
    'Six sessions of physiotherapy for back pain',
    'Home exercise programme, reviewed in four weeks',
    'Advice on lifting at work',
  ],
  mental_health: [
    'Guided self-help for low mood (six sessions)',
    'Anxiety management sessions',
    'Sleep plan, reviewed at the next meeting',
  ],
  occupational_therapy: [
    'Workplace assessment and adjustment recommendations',
    'Fatigue management and pacing plan',
    'Plan a phased return to work',
  ],
};
const DISCIPLINE_CODES = Object.keys(INTERVENTIONS);

/** A prepared INSERT, run with positional values. */
interface InsertStatement {
  run(...values: unknown[]): unknown;
}

/** Prepared statements for every table the history writes, made once per seed. */
export interface HistoryStatements {
  readonly referral: InsertStatement;
  readonly consent: InsertStatement;
  readonly assessment: InsertStatement;
  readonly measure: InsertStatement;
  readonly plan: InsertStatement;
  readonly actionUpdate: InsertStatement;
  readonly review: InsertStatement;
  readonly exit: InsertStatement;
  readonly adjustments: InsertStatement;
  readonly agendaItem: InsertStatement;
}

export function prepareHistoryStatements(sqlite: SqliteDatabase): HistoryStatements {
  const insert = (table: string, columns: readonly string[]): InsertStatement =>
    sqlite.prepare<unknown[]>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return {
    referral: insert('referrals', [
      'id',
      'participant_id',
      'referral_date',
      'route',
      'referrer_name',
      'referrer_organisation',
      'reason',
      'recorded_by',
      'recorded_at',
    ]),
    consent: insert('consents', ['id', 'participant_id', 'purpose', 'decision', 'decided_on', 'method', 'recorded_by', 'recorded_at']),
    assessment: insert('assessments', [
      'id',
      'participant_id',
      'kind',
      'discipline',
      'assessed_on',
      'content_json',
      'author_id',
      'recorded_at',
      'updated_at',
      'signed_at',
      'signed_by',
    ]),
    measure: insert('measure_results', [
      'id',
      'participant_id',
      'discipline',
      'measure',
      'taken_on',
      'answers_json',
      'total',
      'band_label',
      'risk_flag',
      'recorded_by',
      'recorded_at',
    ]),
    plan: insert('action_plans', [
      'id',
      'participant_id',
      'version_number',
      'status',
      'content_json',
      'review_on',
      'next_review_on',
      'based_on_id',
      'created_by',
      'created_at',
      'updated_at',
      'mdt_agreed_at',
      'mdt_agreed_by',
      'meeting_id',
      'attendee_ids_json',
      'checked_by_id',
      'person_agreed_on',
      'person_agreement_method',
      'person_agreement_recorded_by',
      'activated_at',
      'closed_at',
    ]),
    actionUpdate: insert('action_updates', ['id', 'plan_id', 'action_id', 'status', 'note', 'updated_by', 'updated_at']),
    review: insert('plan_reviews', ['id', 'plan_id', 'reviewed_on', 'outcome', 'note', 'next_review_on', 'reviewed_by', 'recorded_at']),
    exit: insert('participant_exits', ['participant_id', 'exited_on', 'reason', 'employment_outcome', 'recorded_by', 'recorded_at']),
    adjustments: insert('workplace_adjustments', ['id', 'participant_id', 'plan_id', 'version', 'content_json', 'saved_by', 'saved_at']),
    agendaItem: insert('agenda_items', [
      'id',
      'meeting_id',
      'participant_id',
      'position',
      'status',
      'notes',
      'decisions',
      'listed_at',
      'listed_by',
    ]),
  };
}

/** Finds the meeting for a given day (past meetings are ended; planned ones come after today). */
export interface MeetingCalendar {
  /** The ended meeting on or just before `day`, and the next agenda position in it. */
  pastMeetingOn(day: string): { id: string; position: number; attendeeIds: readonly string[] } | undefined;
  /** One of the planned meetings, and the next agenda position in it. */
  plannedMeeting(random: SeededRandom): { id: string; position: number } | undefined;
}

export interface HistoryContext {
  readonly random: SeededRandom;
  readonly team: SyntheticTeam;
  readonly meetings: MeetingCalendar;
  readonly statements: HistoryStatements;
  readonly today: string;
}

/** The statuses at which a person has had their joined-up assessment. */
const ASSESSED = new Set(['assessed', 'ready_for_mdt', 'active', 'exited']);

/** Share of people ready for MDT who are already listed at a planned meeting (the rest await triage). */
const LISTED_WHEN_READY = 0.1;
/** Share of people ready for MDT whose coach has started drafting the plan. */
const DRAFT_WHEN_READY = 0.5;
/** Share of people with a plan in force whose plan was changed once (version 1 replaced). */
const REPLANNED = 0.25;
/** Days back over which people referred in the last few weeks had their plans agreed. */
const RECENT_AGREEMENT_DAYS = 14;
/** Share of people with a plan in force who have workplace adjustments recorded. */
const WITH_ADJUSTMENTS = 0.3;

/**
 * Writes one person's synthetic history, consistent with their caseload status: the referral and
 * consents; from "assessed" on the joined-up assessment and baseline measures; for "ready for MDT"
 * sometimes a draft plan and an agenda listing; for "plan active" and "exited" the meeting that
 * agreed the plan, the plan with actions across disciplines (onward referrals to directory
 * services included), follow-up measures along a score course, action updates, adjustments for
 * some, and for "exited" the review that closed the plan and the exit with its employment outcome.
 */
export function seedCaseHistory(person: SeededPerson, context: HistoryContext): void {
  const { random, team, statements: sql, today } = context;
  const recorder = person.coach_user_id ?? random.pick(team.recorderIds);
  const start = person.created_at.slice(0, 10);
  const at = (day: string) => `${day}T10:00:00.000Z`;
  const day = (offset: number) => clamp(addDaysToIsoDate(start, offset), today);

  sql.referral.run(
    random.uuid(),
    person.id,
    person.referred_on,
    random.weighted(ROUTE_WEIGHTS),
    null,
    null,
    'Help to stay in or return to work with a health condition.',
    recorder,
    person.created_at,
  );
  sql.consent.run(random.uuid(), person.id, 'service', 'given', start, random.pick(CONSENT_METHODS), recorder, person.created_at);
  if (random.next() < 0.75)
    sql.consent.run(
      random.uuid(),
      person.id,
      'evaluation',
      random.next() < 0.85 ? 'given' : 'declined',
      start,
      random.pick(CONSENT_METHODS),
      recorder,
      person.created_at,
    );
  if (person.employment_status !== 'out_of_work_longer' && random.next() < 0.5) {
    sql.consent.run(
      random.uuid(),
      person.id,
      'share_employer',
      random.next() < 0.7 ? 'given' : 'declined',
      start,
      random.pick(CONSENT_METHODS),
      recorder,
      person.created_at,
    );
  }
  if (!ASSESSED.has(person.status)) return;

  const barrier = random.weighted(BARRIER_WEIGHTS);
  const assessedOn = day(random.integer(3, 14));
  const content = {
    healthConditions: random.pick(HEALTH_BY_BARRIER[barrier]),
    mainBarrier: barrier,
    socialBarriers: SOCIAL_BARRIERS.filter(() => random.next() < 0.2),
    whatMatters: random.pick(MATTERS),
    goals: random.pick(GOALS),
    readiness: random.pick(READINESS_LEVELS),
    canDoNow: '',
  };
  sql.assessment.run(
    random.uuid(),
    person.id,
    JOINED_UP_KIND,
    'employment_support',
    assessedOn,
    JSON.stringify(content),
    recorder,
    at(assessedOn),
    at(assessedOn),
    at(assessedOn),
    recorder,
  );

  const measures: Array<[MeasureId, string]> =
    barrier === 'mental_health'
      ? [
          ['phq9', 'mental_health'],
          ['gad7', 'mental_health'],
        ]
      : barrier === 'musculoskeletal'
        ? [['mskhq', 'physiotherapy']]
        : [['work_ability', 'occupational_therapy']];
  measures.push(['wsas', 'employment_support']);
  const points = person.status === 'active' ? random.integer(2, 3) : person.status === 'exited' ? random.integer(3, 4) : 1;
  const course = random.weighted(COURSE_WEIGHTS);
  for (const [measure, discipline] of measures) {
    let severity = baselineSeverity(random);
    for (let point = 0; point < points; point += 1) {
      const takenOn = day(random.integer(3, 14) + point * 35);
      const answers = answersFor(measure, severity, random);
      const score = scoreMeasure(measure, answers);
      sql.measure.run(
        random.uuid(),
        person.id,
        discipline,
        measure,
        takenOn,
        JSON.stringify(answers),
        score.total,
        score.bandLabel,
        score.riskFlag ? 1 : 0,
        recorder,
        at(takenOn),
      );
      severity = nextSeverity(severity, course, random);
    }
  }

  if (person.status === 'assessed') return;
  if (person.status === 'ready_for_mdt') {
    if (random.next() < DRAFT_WHEN_READY)
      insertPlan(person, 1, 'draft', planContent(random, team, day(20)), undefined, { recorder, created: day(16), random, context });
    const listed = random.next() < LISTED_WHEN_READY ? context.meetings.plannedMeeting(random) : undefined;
    if (listed !== undefined)
      sql.agendaItem.run(random.uuid(), listed.id, person.id, listed.position, 'listed', '', '', at(today), recorder);
    return;
  }

  // "Plan active" or "exited": the plan was agreed at an MDT meeting a few weeks after referral.
  // Someone referred too recently for that had it agreed at one of the last few meetings: spread
  // over them, not piled onto the latest one.
  const planned = addDaysToIsoDate(start, random.integer(18, 30));
  const agreedOn = planned < today ? planned : addDaysToIsoDate(today, -random.integer(1, RECENT_AGREEMENT_DAYS));
  const meeting = context.meetings.pastMeetingOn(agreedOn);
  if (meeting !== undefined)
    sql.agendaItem.run(
      random.uuid(),
      meeting.id,
      person.id,
      meeting.position,
      'discussed',
      'Discussed joined-up assessment and measures; plan agreed.',
      'Plan agreed by the MDT.',
      at(agreedOn),
      recorder,
    );
  let basedOn: string | null = null;
  let version = 1;
  if (random.next() < REPLANNED) {
    basedOn = insertPlan(person, 1, 'superseded', planContent(random, team, day(60)), meeting, {
      recorder,
      created: agreedOn,
      random,
      context,
    });
    version = 2;
  }
  const exited = person.status === 'exited';
  const plan = planContent(random, team, person.next_review_on ?? day(90));
  const planId = insertPlan(person, version, exited ? 'reviewed' : 'active', plan, meeting, {
    recorder,
    created: agreedOn,
    random,
    context,
    basedOn,
    nextReviewOn: exited ? null : person.next_review_on,
  });

  for (const action of plan.actions) {
    if (random.next() < 0.5)
      sql.actionUpdate.run(
        random.uuid(),
        planId,
        action.id,
        random.next() < 0.6 ? 'in_progress' : 'done',
        'Progress noted at follow-up.',
        recorder,
        at(day(random.integer(35, 80))),
      );
  }
  if (random.next() < WITH_ADJUSTMENTS)
    sql.adjustments.run(random.uuid(), person.id, planId, 1, JSON.stringify(adjustmentsContent(random, agreedOn)), recorder, at(agreedOn));
  if (exited) {
    const exitedOn = day(random.integer(100, 180));
    sql.review.run(
      random.uuid(),
      planId,
      exitedOn,
      'exit',
      'Support completed; exit agreed with the person.',
      null,
      recorder,
      at(exitedOn),
    );
    const outcome = random.weighted(EXIT_OUTCOME_WEIGHTS);
    sql.exit.run(
      person.id,
      exitedOn,
      outcome === 'not_in_work' ? random.pick(EXIT_REASONS) : 'support_completed',
      outcome,
      recorder,
      at(exitedOn),
    );
  } else if (random.next() < 0.5) {
    const reviewedOn = day(random.integer(45, 70));
    sql.review.run(
      random.uuid(),
      planId,
      reviewedOn,
      'continue',
      'Follow-up: going well, carry on.',
      person.next_review_on,
      recorder,
      at(reviewedOn),
    );
  }
}

function insertPlan(
  person: SeededPerson,
  version: number,
  status: string,
  content: PlanContent,
  meeting: { id: string; attendeeIds: readonly string[] } | undefined,
  options: {
    recorder: string;
    created: string;
    random: SeededRandom;
    context: HistoryContext;
    basedOn?: string | null;
    nextReviewOn?: string | null;
  },
): string {
  const { random, context } = options;
  const id = random.uuid();
  const at = `${options.created}T10:00:00.000Z`;
  const agreed = status !== 'draft';
  const attendees = meeting?.attendeeIds ?? context.team.allOwnerIds.slice(0, 4);
  const checkedBy = attendees[attendees.length - 1] ?? null;
  context.statements.plan.run(
    id,
    person.id,
    version,
    status,
    JSON.stringify(content),
    content.reviewOn,
    options.nextReviewOn ?? null,
    options.basedOn ?? null,
    options.recorder,
    at,
    at,
    agreed ? at : null,
    agreed ? context.team.seedUserId : null,
    agreed ? (meeting?.id ?? null) : null,
    agreed ? JSON.stringify(attendees) : null,
    agreed ? checkedBy : null,
    agreed ? options.created : null,
    agreed ? random.pick(PERSON_AGREEMENT_METHODS) : null,
    agreed ? options.recorder : null,
    agreed ? at : null,
    status === 'reviewed' || status === 'superseded' ? at : null,
  );
  return id;
}

/** Goals in the person's words and 8 to 24 actions across the disciplines, with onward referrals and signposts. */
function planContent(random: SeededRandom, team: SyntheticTeam, reviewOn: string): PlanContent {
  const goals = Array.from({ length: random.integer(1, 3) }, () => ({ id: random.uuid(), text: random.pick(GOALS) }));
  const actions: PlanAction[] = Array.from({ length: random.integer(8, 24) }, () => {
    const discipline = random.pick(DISCIPLINE_CODES);
    const owners = team.ownersByDiscipline.get(discipline) ?? team.allOwnerIds;
    const roll = random.next();
    const service = team.serviceIds.length > 0 && roll < 0.25 ? random.pick(team.serviceIds) : null;
    return {
      id: random.uuid(),
      goalId: random.pick(goals).id,
      kind: service === null ? 'intervention' : roll < 0.15 ? 'onward_referral' : 'signpost',
      discipline,
      description:
        service === null ? random.pick(INTERVENTIONS[discipline] ?? ['Follow up']) : 'Refer to a local service from the directory',
      ownerId: owners.length > 0 ? random.pick(owners) : null,
      dueOn: reviewOn,
      serviceId: service,
    };
  });
  return { goals, actions, reviewOn };
}

function adjustmentsContent(
  random: SeededRandom,
  startOn: string,
): { contractedHoursPerWeek: number; adjustments: Adjustment[]; gradedReturn: null } {
  const adjustments = Array.from({ length: random.integer(1, 3) }, () => {
    const recommendation = random.pick(ADJUSTMENT_RECOMMENDATIONS.filter((value) => value !== 'other'));
    return {
      id: random.uuid(),
      category: RECOMMENDATION_DEFAULT_CATEGORY[recommendation],
      recommendation,
      otherRecommendation: null,
      functionalNeed: 'Needs time to build up stamina after time off.',
      startOn,
      durationWeeks: random.integer(4, 12),
      reviewOn: addDaysToIsoDate(startOn, 28),
      status: random.pick(['proposed', 'agreed_with_employer', 'in_place'] as const),
      teamNote: null,
    };
  });
  return { contractedHoursPerWeek: 37.5, adjustments, gradedReturn: null };
}

function clamp(day: string, latest: string): string {
  return day > latest ? latest : day;
}
