import type { FhirExportAction, FhirExportData, FhirExportTeamMember } from '../../core/fhir/export-data';
import { DISCIPLINE_LABELS } from '../../core/schemas/assessment';
import { consentIsInForce } from '../../core/schemas/consent';
import type { Store } from '../../db/store';

/** One person in a batch: their data when they may be exported, else why not. */
export type ExportCandidate =
  | { readonly participantId: string; readonly reference: string; readonly include: true; readonly data: FhirExportData }
  | { readonly participantId: string; readonly reference: string; readonly include: false; readonly reason: string };

/** Plan versions that were agreed: the newest of them is the plan the partnership system sees. */
const AGREED_PLAN_STATUSES = ['agreed_by_mdt', 'agreed_with_person', 'active', 'reviewed'];

interface PersonRow {
  id: string;
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  nhs_number: string | null;
}

/** How many people an export will go through (for the progress bar). */
export function countParticipants(store: Store): number {
  return (store.sqlite.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n;
}

/**
 * The people to export, `batchSize` at a time in id order (keyset paging), each with the data
 * the FHIR builders need, or the reason they are left out. Only one batch is in memory at once,
 * so 10,000 plans never are. Consent is decided exactly as `mayShare(…, 'share_partnership')`
 * does: the newest decision for the purpose, given and not withdrawn.
 */
export function* exportCandidateBatches(store: Store, batchSize: number): Generator<ExportCandidate[]> {
  const nextPeople = store.sqlite.prepare('SELECT id, reference, given_name, family_name, date_of_birth, nhs_number FROM participants WHERE id > ? ORDER BY id LIMIT ?');
  const team = loadTeam(store);
  const services = new Map((store.sqlite.prepare('SELECT id, name FROM directory_services').all() as Array<{ id: string; name: string }>).map((row) => [row.id, row.name]));
  let after = '';
  for (;;) {
    const people = nextPeople.all(after, batchSize) as PersonRow[];
    if (people.length === 0) return;
    after = people.at(-1)?.id ?? after;
    yield loadBatch(store, people, team, services);
  }
}

function loadTeam(store: Store): Map<string, FhirExportTeamMember> {
  const rows = store.sqlite
    .prepare('SELECT t.id, t.full_name, t.discipline_code, d.label FROM team_members t LEFT JOIN disciplines d ON d.code = t.discipline_code')
    .all() as Array<{ id: string; full_name: string; discipline_code: string; label: string | null }>;
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, fullName: row.full_name, discipline: row.discipline_code, disciplineLabel: row.label ?? DISCIPLINE_LABELS[row.discipline_code as keyof typeof DISCIPLINE_LABELS] ?? row.discipline_code },
    ]),
  );
}

function groupBy<T extends { participant_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.participant_id);
    if (group === undefined) groups.set(row.participant_id, [row]);
    else group.push(row);
  }
  return groups;
}

function loadBatch(store: Store, people: PersonRow[], team: Map<string, FhirExportTeamMember>, services: Map<string, string>): ExportCandidate[] {
  const ids = JSON.stringify(people.map((person) => person.id));
  const inBatch = 'participant_id IN (SELECT value FROM json_each(?))';
  const consents = store.sqlite
    .prepare(
      `SELECT participant_id, id, decision, decided_on, withdrawn_on FROM consents c WHERE ${inBatch} AND purpose = 'share_partnership'
       AND NOT EXISTS (SELECT 1 FROM consents newer WHERE newer.participant_id = c.participant_id AND newer.purpose = c.purpose
         AND (newer.recorded_at > c.recorded_at OR (newer.recorded_at = c.recorded_at AND newer.id > c.id)))`,
    )
    .all(ids) as Array<{ participant_id: string; id: string; decision: string; decided_on: string; withdrawn_on: string | null }>;
  const consentOf = new Map(consents.map((row) => [row.participant_id, row]));
  const referrals = groupBy(store.sqlite.prepare(`SELECT participant_id, id, referral_date, route FROM referrals WHERE ${inBatch} ORDER BY referral_date, id`).all(ids) as Array<{ participant_id: string; id: string; referral_date: string; route: string }>);
  const measures = groupBy(
    store.sqlite
      .prepare(`SELECT participant_id, id, measure, taken_on, total FROM measure_results WHERE ${inBatch} AND measure IN ('phq9', 'gad7') AND total IS NOT NULL ORDER BY taken_on, id`)
      .all(ids) as Array<{ participant_id: string; id: string; measure: 'phq9' | 'gad7'; taken_on: string; total: number }>,
  );
  // The newest joined-up assessment (an amendment is newer than what it amends).
  const assessments = store.sqlite
    .prepare(
      `SELECT participant_id, id, assessed_on, content_json FROM assessments a WHERE ${inBatch} AND kind = 'joined_up'
       AND NOT EXISTS (SELECT 1 FROM assessments newer WHERE newer.participant_id = a.participant_id AND newer.kind = a.kind
         AND (newer.recorded_at > a.recorded_at OR (newer.recorded_at = a.recorded_at AND newer.id > a.id)))`,
    )
    .all(ids) as Array<{ participant_id: string; id: string; assessed_on: string; content_json: string }>;
  const assessmentOf = new Map(assessments.map((row) => [row.participant_id, row]));
  const plans = store.sqlite
    .prepare(
      `SELECT participant_id, id, version_number, status, mdt_agreed_at, created_at, next_review_on, review_on, content_json, attendee_ids_json FROM action_plans p
       WHERE ${inBatch} AND status IN (SELECT value FROM json_each(?))
       ORDER BY version_number DESC`,
    )
    .all(ids, JSON.stringify(AGREED_PLAN_STATUSES)) as Array<{
    participant_id: string;
    id: string;
    version_number: number;
    status: string;
    mdt_agreed_at: string | null;
    created_at: string;
    next_review_on: string | null;
    review_on: string | null;
    content_json: string;
    attendee_ids_json: string | null;
  }>;
  const planOf = new Map<string, (typeof plans)[number]>();
  for (const plan of plans) if (!planOf.has(plan.participant_id)) planOf.set(plan.participant_id, plan);
  const planIds = JSON.stringify([...planOf.values()].map((plan) => plan.id));
  const progress = new Map(
    (
      store.sqlite
        .prepare(
          `SELECT plan_id, action_id, status FROM action_updates u WHERE plan_id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM action_updates newer WHERE newer.plan_id = u.plan_id AND newer.action_id = u.action_id AND (newer.updated_at > u.updated_at OR (newer.updated_at = u.updated_at AND newer.id > u.id)))`,
        )
        .all(planIds) as Array<{ plan_id: string; action_id: string; status: FhirExportAction['status'] }>
    ).map((row) => [`${row.plan_id}/${row.action_id}`, row.status]),
  );

  return people.map((person): ExportCandidate => {
    const consent = consentOf.get(person.id);
    const base = { participantId: person.id, reference: person.reference };
    if (consent === undefined) return { ...base, include: false, reason: 'No consent recorded to share with the partnership system' };
    if (!consentIsInForce({ decision: consent.decision as 'given' | 'declined', withdrawnOn: consent.withdrawn_on })) {
      return { ...base, include: false, reason: consent.decision === 'given' ? 'Consent to share with the partnership system was withdrawn' : 'Declined to share with the partnership system' };
    }
    const planRow = planOf.get(person.id);
    const assessment = assessmentOf.get(person.id);
    const assessmentContent = assessment === undefined ? null : (JSON.parse(assessment.content_json) as { mainBarrier?: string; socialBarriers?: string[] });
    let plan: FhirExportData['plan'] = null;
    const members = new Map<string, FhirExportTeamMember>();
    if (planRow !== undefined) {
      const content = JSON.parse(planRow.content_json) as { goals: Array<{ id: string; text: string }>; actions: Array<Omit<FhirExportAction, 'service' | 'status'> & { serviceId: string | null }> };
      const actions = content.actions.map((action): FhirExportAction => {
        const owner = action.ownerId === null ? undefined : team.get(action.ownerId);
        if (owner !== undefined) members.set(owner.id, owner);
        const serviceName = action.serviceId === null ? undefined : services.get(action.serviceId);
        return {
          id: action.id,
          goalId: action.goalId,
          kind: action.kind,
          discipline: action.discipline,
          description: action.description,
          ownerId: action.ownerId,
          dueOn: action.dueOn,
          service: action.serviceId === null || serviceName === undefined ? null : { id: action.serviceId, name: serviceName },
          status: progress.get(`${planRow.id}/${action.id}`) ?? 'not_started',
        };
      });
      for (const attendee of JSON.parse(planRow.attendee_ids_json ?? '[]') as string[]) {
        const member = team.get(attendee);
        if (member !== undefined) members.set(member.id, member);
      }
      plan = {
        id: planRow.id,
        versionNumber: planRow.version_number,
        status: planRow.status,
        agreedAt: planRow.mdt_agreed_at,
        createdAt: planRow.created_at,
        reviewOn: planRow.next_review_on ?? planRow.review_on,
        goals: content.goals.map((goal) => ({ id: goal.id, text: goal.text })),
        actions,
      };
    }
    return {
      ...base,
      include: true,
      data: {
        person: { id: person.id, reference: person.reference, givenName: person.given_name, familyName: person.family_name, dateOfBirth: person.date_of_birth, nhsNumber: person.nhs_number },
        referrals: (referrals.get(person.id) ?? []).map((row) => ({ id: row.id, date: row.referral_date, route: row.route })),
        consent: { id: consent.id, purpose: 'share_partnership', decidedOn: consent.decided_on, decision: 'given' },
        team: [...members.values()],
        plan,
        barriers:
          assessment === undefined || assessmentContent?.mainBarrier === undefined
            ? null
            : { assessmentId: assessment.id, assessedOn: assessment.assessed_on, mainBarrier: assessmentContent.mainBarrier, socialBarriers: assessmentContent.socialBarriers ?? [] },
        measures: (measures.get(person.id) ?? []).map((row) => ({ id: row.id, measure: row.measure, takenOn: row.taken_on, total: row.total })),
      },
    };
  });
}
