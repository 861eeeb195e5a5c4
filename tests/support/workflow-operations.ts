import type { Role } from '../../core/roles';
import type { Result } from '../../core/result';
import type { SqliteDatabase } from '../../db/open-store';
import type { SeededRandom } from '../../services/synthetic/seeded-random';
import type { demoTeam } from './demo-team';
import { JOINED_UP } from './demo-with-person';
import { testDate } from './test-clock';
import { testReferral } from './test-referral';

/** One random step of a team's work: a contract call and its input, chosen from what this laptop holds now. */
export interface WorkflowOperation {
  readonly workflow: string;
  readonly channel: string;
  readonly input: unknown;
}

type Team = ReturnType<typeof demoTeam>;
type Row = Record<string, string | number | null>;

/** What an operation may read and who is doing it. */
export interface OperationContext {
  readonly random: SeededRandom;
  /** The laptop's store (a second connection), read to pick real records and their current versions. */
  readonly sqlite: SqliteDatabase;
  readonly role: Role;
  readonly team: Team;
  /** A counter for unique synthetic names. */
  readonly op: number;
}

const DISCIPLINE_OF: Partial<Record<Role, string>> = {
  physiotherapist: 'physiotherapy',
  mental_health_practitioner: 'mental_health',
  occupational_therapist: 'occupational_therapy',
  coach: 'employment_support',
};

function rows(context: OperationContext, sql: string, ...params: Array<string | number>): Row[] {
  return context.sqlite.prepare(sql).all(...params) as Row[];
}

/** One row at random (newer rows more often, so laptops race on the same recent records), or undefined. */
function pickRecent(context: OperationContext, sql: string, ...params: Array<string | number>): Row | undefined {
  const found = rows(context, sql, ...params);
  if (found.length === 0) return undefined;
  const { random } = context;
  return random.next() < 0.6 ? found[found.length - 1 - random.integer(0, Math.min(2, found.length - 1))] : random.pick(found);
}

function person(context: OperationContext): string | undefined {
  return pickRecent(context, 'SELECT id FROM participants ORDER BY rowid')?.id as string | undefined;
}

const PHQ9 = (context: OperationContext) => ({
  measure: 'phq9',
  // The last item (thoughts of self-harm) above 0 raises a risk flag: about one in three here.
  answers: Array.from({ length: 9 }, (_, item) => (item === 8 && context.random.next() < 0.65 ? 0 : context.random.integer(0, 3))),
});

const ACTIONS = (team: Team) => [
  {
    id: 'a1',
    goalId: 'g1',
    kind: 'intervention',
    discipline: 'physiotherapy',
    description: 'Six physiotherapy sessions',
    ownerId: team.physio,
    dueOn: '2027-01-15',
    serviceId: null,
  },
];

const ADJUSTMENT = {
  id: 'adj-1',
  category: 'phased_return',
  recommendation: 'graded_hours',
  functionalNeed: 'Build up stamina for a full shift',
  startOn: '2026-12-07',
  durationWeeks: 3,
  reviewOn: '2026-12-28',
  status: 'proposed',
};

const AHP_REPORT = {
  fitness: 'may_be_fit',
  periodFrom: '2026-12-07',
  periodTo: '2027-01-04',
  followUpOn: '2027-01-04',
  categories: ['phased_return'],
  difficulties: [{ id: 'd1', difficulty: 'Standing for long periods', recommendation: 'A perching stool', goal: 'Stand for a shift' }],
  organisation: 'South Yorkshire WorkWell',
  assessedOn: '2026-11-10',
};

type Maker = (context: OperationContext) => WorkflowOperation | undefined;

const register: Maker = ({ op }) => ({
  workflow: 'register',
  channel: 'participants.register',
  input: testReferral({ person: { nhsNumber: '', familyName: `Converge${String.fromCharCode(97 + (op % 26))}`, givenName: `Op${op}` } }),
});

const consent: Maker = (context) => {
  // Mostly people assessed and waiting for triage, whose case needs consent to the service to go to a meeting.
  const ready = pickRecent(context, "SELECT id FROM participants WHERE status = 'ready_for_mdt' ORDER BY rowid");
  const participantId = ready !== undefined && context.random.next() < 0.7 ? (ready.id as string) : person(context);
  if (participantId === undefined) return undefined;
  const decision = context.random.next() < 0.8 ? 'given' : 'declined';
  return {
    workflow: `consent ${decision}`,
    channel: 'consents.record',
    input: {
      participantId,
      purpose: context.random.pick(['service', 'service', 'service', 'share_employer']),
      decision,
      date: testDate(-30),
      method: 'verbal',
    },
  };
};

const withdraw: Maker = (context) => {
  const given = pickRecent(context, "SELECT id FROM consents WHERE decision = 'given' AND withdrawn_on IS NULL ORDER BY rowid");
  return given === undefined
    ? undefined
    : { workflow: 'consent withdrawn', channel: 'consents.withdraw', input: { consentId: given.id, date: testDate(-1) } };
};

const joinedUp: Maker = (context) => {
  const participantId = person(context);
  return participantId === undefined
    ? undefined
    : { workflow: 'assess joined-up', channel: 'assessments.saveJoinedUp', input: { participantId, ...JOINED_UP } };
};

const disciplineDraft: Maker = (context) => {
  const discipline = DISCIPLINE_OF[context.role];
  const findings = {
    assessedOn: '2026-11-10',
    findings: `Findings written at step ${context.op}.`,
    workImpact: 'Cannot stand for more than 40 minutes.',
    recommendations: 'A perching stool.',
  };
  const draft = pickRecent(
    context,
    "SELECT id, participant_id, version FROM assessments WHERE kind = 'discipline' AND signed_at IS NULL AND discipline = ? ORDER BY rowid",
    discipline ?? '',
  );
  if (draft !== undefined && context.random.next() < 0.5)
    return {
      workflow: 'assess draft edited',
      channel: 'assessments.saveDisciplineDraft',
      input: { participantId: draft.participant_id, id: draft.id, version: draft.version, ...findings },
    };
  const participantId = person(context);
  return participantId === undefined
    ? undefined
    : { workflow: 'assess draft', channel: 'assessments.saveDisciplineDraft', input: { participantId, ...findings } };
};

const sign: Maker = (context) => {
  const draft = pickRecent(
    context,
    "SELECT id, version FROM assessments WHERE kind = 'discipline' AND signed_at IS NULL AND discipline = ? ORDER BY rowid",
    DISCIPLINE_OF[context.role] ?? '',
  );
  return draft === undefined
    ? undefined
    : { workflow: 'assess signed', channel: 'assessments.sign', input: { id: draft.id, version: draft.version } };
};

const measure: Maker = (context) => {
  const participantId = person(context);
  if (participantId === undefined) return undefined;
  const phq9 = context.random.next() < 0.7;
  return {
    workflow: phq9 ? 'measure phq9' : 'measure gad7',
    channel: 'measures.record',
    input: {
      participantId,
      discipline: DISCIPLINE_OF[context.role],
      takenOn: '2026-11-05',
      response: phq9 ? PHQ9(context) : { measure: 'gad7', answers: Array.from({ length: 7 }, () => context.random.integer(0, 3)) },
    },
  };
};

const acknowledge: Maker = (context) => {
  const flag = pickRecent(context, 'SELECT id FROM risk_flags WHERE acknowledged_at IS NULL ORDER BY rowid');
  return flag === undefined
    ? undefined
    : {
        workflow: 'risk flag acknowledged',
        channel: 'riskFlags.acknowledge',
        input: { flagId: flag.id, action: 'crisis_line_given', note: `Called the same day (step ${context.op}).` },
      };
};

const triage: Maker = (context) => {
  // Triage is for people ready for the MDT; a full discussion also needs consent to the service in force.
  const ready = pickRecent(
    context,
    `SELECT id, EXISTS (SELECT 1 FROM consents WHERE consents.participant_id = participants.id AND purpose = 'service' AND decision = 'given' AND withdrawn_on IS NULL) AS consented
       FROM participants WHERE status = 'ready_for_mdt' ORDER BY rowid`,
  );
  if (ready === undefined) return undefined;
  const meeting = pickRecent(context, "SELECT id FROM meetings WHERE status = 'planned' ORDER BY rowid");
  return meeting !== undefined && ready.consented === 1 && context.random.next() < 0.8
    ? {
        workflow: 'triage to meeting',
        channel: 'triage.decide',
        input: { participantId: ready.id, outcome: 'full_discussion', meetingId: meeting.id },
      }
    : {
        workflow: 'triage not ready',
        channel: 'triage.decide',
        input: { participantId: ready.id, outcome: 'not_ready', missing: ['outcome_measures'] },
      };
};

const planMeeting: Maker = ({ team, op }) => ({
  workflow: 'meeting planned',
  channel: 'meetings.create',
  input: {
    heldOn: testDate(7 + (op % 20)),
    startsAt: '09:30',
    minutesPerCase: 8,
    chairId: team.coordinator,
    expectedAttendeeIds: [team.physio, team.mh, team.ot, team.coach],
  },
});

const reorder: Maker = (context) => {
  const meeting = pickRecent(context, "SELECT id FROM meetings WHERE status = 'planned' ORDER BY rowid");
  if (meeting === undefined) return undefined;
  const items = rows(context, 'SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position', meeting.id as string);
  if (items.length < 2) return undefined;
  return {
    workflow: 'agenda reordered',
    channel: 'meetings.reorderAgenda',
    input: { meetingId: meeting.id, itemIds: [...items.slice(1), items[0]!].map((item) => item.id) },
  };
};

const caseNotes: Maker = (context) => {
  const item = pickRecent(
    context,
    "SELECT agenda_items.id, agenda_items.version FROM agenda_items JOIN meetings ON meetings.id = agenda_items.meeting_id WHERE meetings.status = 'planned' ORDER BY agenda_items.rowid",
  );
  return item === undefined
    ? undefined
    : {
        workflow: 'meeting notes',
        channel: 'meetings.saveCaseNotes',
        input: { itemId: item.id, version: item.version, notes: `Discussed at step ${context.op}.`, decisions: 'Phased return.' },
      };
};

const attendance: Maker = (context) => {
  const meeting = pickRecent(context, "SELECT id FROM meetings WHERE status = 'planned' ORDER BY rowid");
  return meeting === undefined
    ? undefined
    : {
        workflow: 'meeting attendance',
        channel: 'meetings.recordAttendance',
        input: {
          meetingId: meeting.id,
          presentIds: [
            context.team.coordinator,
            context.team.physio,
            ...(context.random.next() < 0.5 ? [context.team.ot] : [context.team.mh]),
          ],
        },
      };
};

const endMeeting: Maker = (context) => {
  const meeting = pickRecent(context, "SELECT id FROM meetings WHERE status = 'planned' AND present_ids_json IS NOT NULL ORDER BY rowid");
  return meeting === undefined ? undefined : { workflow: 'meeting ended', channel: 'meetings.end', input: { meetingId: meeting.id } };
};

const planDraft: Maker = (context) => {
  const goals = [{ id: 'g1', text: `Back to work, as written at step ${context.op}` }];
  const draft = pickRecent(context, "SELECT id, participant_id, revision FROM action_plans WHERE status = 'draft' ORDER BY rowid");
  if (draft !== undefined && context.random.next() < 0.5)
    return {
      workflow: 'plan draft edited',
      channel: 'plans.saveDraft',
      input: {
        participantId: draft.participant_id,
        planId: draft.id,
        revision: draft.revision,
        goals,
        actions: ACTIONS(context.team),
        reviewOn: '2027-02-01',
      },
    };
  const participantId = person(context);
  return participantId === undefined
    ? undefined
    : {
        workflow: 'plan drafted',
        channel: 'plans.saveDraft',
        input: { participantId, goals, actions: ACTIONS(context.team), reviewOn: '2027-02-01' },
      };
};

const agree: Maker = (context) => {
  const draft = pickRecent(context, "SELECT id, revision FROM action_plans WHERE status = 'draft' ORDER BY rowid");
  const { team } = context;
  return draft === undefined
    ? undefined
    : {
        workflow: 'plan agreed',
        channel: 'plans.agreeByMdt',
        input: { planId: draft.id, revision: draft.revision, attendeeIds: [team.coordinator, team.physio], checkedById: team.physio },
      };
};

const actionUpdate: Maker = (context) => {
  const plan = pickRecent(context, "SELECT id FROM action_plans WHERE status <> 'draft' ORDER BY rowid");
  return plan === undefined
    ? undefined
    : {
        workflow: 'action updated',
        channel: 'plans.updateActionStatus',
        input: { planId: plan.id, actionId: 'a1', status: context.random.pick(['in_progress', 'done']), note: `Step ${context.op}` },
      };
};

const adjustments: Maker = (context) => {
  const plan = pickRecent(context, 'SELECT participant_id FROM action_plans ORDER BY rowid');
  if (plan === undefined) return undefined;
  const latest = context.sqlite
    .prepare('SELECT max(version) AS version FROM workplace_adjustments WHERE participant_id = ?')
    .get(plan.participant_id) as { version: number | null };
  return {
    workflow: 'adjustments',
    channel: 'adjustments.save',
    input: {
      participantId: plan.participant_id,
      ...(latest.version === null ? {} : { version: latest.version }),
      contractedHoursPerWeek: 30 + (context.op % 8),
      adjustments: [ADJUSTMENT],
    },
  };
};

const ahpReport: Maker = (context) => {
  const draft = pickRecent(context, "SELECT id, participant_id, version FROM ahp_reports WHERE status = 'draft' ORDER BY rowid");
  if (draft !== undefined && context.random.next() < 0.7)
    return context.random.next() < 0.4 || context.role !== 'occupational_therapist'
      ? {
          workflow: 'AHP report edited',
          channel: 'adjustments.saveAhpReport',
          input: { participantId: draft.participant_id, reportId: draft.id, version: draft.version, ...AHP_REPORT },
        }
      : {
          workflow: 'AHP report signed',
          channel: 'adjustments.signAhpReport',
          input: { participantId: draft.participant_id, reportId: draft.id, version: draft.version },
        };
  const plan = pickRecent(context, 'SELECT participant_id FROM action_plans ORDER BY rowid');
  return plan === undefined
    ? undefined
    : {
        workflow: 'AHP report drafted',
        channel: 'adjustments.saveAhpReport',
        input: { participantId: plan.participant_id, ...AHP_REPORT },
      };
};

/**
 * What each role does on its laptop, weighted (a maker listed twice is twice as likely). The OT and
 * the physio acknowledge risk flags only as clinical leads: a run names them first (or sees them refused).
 */
const BY_ROLE: Partial<Record<Role, readonly Maker[]>> = {
  coach: [register, register, consent, consent, withdraw, joinedUp, joinedUp, measure, measure, planDraft, caseNotes, actionUpdate],
  coordinator: [register, consent, triage, triage, planMeeting, reorder, caseNotes, attendance, endMeeting, planDraft, agree, agree],
  mental_health_practitioner: [measure, measure, acknowledge, acknowledge, disciplineDraft, sign, planDraft, agree, caseNotes],
  occupational_therapist: [adjustments, adjustments, ahpReport, ahpReport, ahpReport, ahpReport, disciplineDraft, sign, acknowledge],
  physiotherapist: [disciplineDraft, sign, adjustments, ahpReport, planDraft, agree, actionUpdate, acknowledge],
};

/** A random operation this role would do now, or undefined when none of its tries finds a record to work on. */
export function randomOperation(context: OperationContext): WorkflowOperation | undefined {
  const makers = BY_ROLE[context.role] ?? [];
  for (let attempt = 0; attempt < 4 && makers.length > 0; attempt += 1) {
    const made = context.random.pick(makers)(context);
    if (made !== undefined) return made;
  }
  return undefined;
}

/** Runs an operation through a laptop's dispatch. */
export function runOperation(
  app: { dispatch(channel: string, input: unknown): Promise<Result<unknown>> },
  operation: WorkflowOperation,
): Promise<Result<unknown>> {
  return app.dispatch(operation.channel, operation.input);
}
