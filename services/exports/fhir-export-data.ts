import type { FhirExportAction, FhirExportData, FhirExportFitNote, FhirExportTeamMember } from '../../core/fhir/export-data';
import { currentFitNote } from '../../core/fit-notes/current-fit-note';
import { DISCIPLINE_LABELS } from '../../core/schemas/assessment';
import { consentIsInForce } from '../../core/schemas/consent';
import {
  latestActionStatuses,
  latestJoinedUpAssessments,
  latestSharingConsents,
  listDirectoryServiceNames,
  listPeopleAfter,
  listPhq9AndGad7ResultsOf,
  listPlanVersionsInStatus,
  listReferralsOf,
  listTeamMembersWithDisciplineLabel,
  type ExportPersonRow,
  type ExportPlanRow,
} from '../../db/repositories/fhir-export-repository';
import { listFitNotesOfBatch } from '../../db/repositories/fit-note-repository';
import type { Store } from '../../db/store';
import { toFitNote } from '../fit-notes/fit-note-service';

/** One person in a batch: their data when they may be exported, else why not. */
export type ExportCandidate =
  | { readonly participantId: string; readonly reference: string; readonly include: true; readonly data: FhirExportData }
  | { readonly participantId: string; readonly reference: string; readonly include: false; readonly reason: string };

/** Plan versions that were agreed: the newest of them is the plan the partnership system sees. */
const AGREED_PLAN_STATUSES = ['agreed_by_mdt', 'agreed_with_person', 'active', 'reviewed'];

/**
 * The people to export, `batchSize` at a time in id order (keyset paging), each with the data
 * the FHIR builders need, or the reason they are left out. Only one batch is in memory at once,
 * so 10,000 plans never are. Consent is decided exactly as `mayShare(…, 'share_partnership')`
 * does: the newest decision for the purpose, given and not withdrawn. `today` (YYYY-MM-DD in London)
 * decides which fit note is in force.
 */
export function* exportCandidateBatches(store: Store, batchSize: number, today: string): Generator<ExportCandidate[]> {
  const team = loadTeam(store);
  const services = new Map(listDirectoryServiceNames(store).map((row) => [row.id, row.name]));
  let after = '';
  for (;;) {
    const people = listPeopleAfter(store, after, batchSize);
    if (people.length === 0) return;
    after = people.at(-1)?.id ?? after;
    yield loadBatch(store, people, team, services, today);
  }
}

function loadTeam(store: Store): Map<string, FhirExportTeamMember> {
  return new Map(
    listTeamMembersWithDisciplineLabel(store).map((row) => [
      row.id,
      {
        id: row.id,
        fullName: row.full_name,
        discipline: row.discipline_code,
        disciplineLabel: row.label ?? DISCIPLINE_LABELS[row.discipline_code as keyof typeof DISCIPLINE_LABELS] ?? row.discipline_code,
      },
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

/** The fit note in force on `today` (as the record's "current fit note" reads it), without its free-text comments; else null. */
function fitNoteInForce(rows: Parameters<typeof toFitNote>[0][], today: string): FhirExportFitNote | null {
  const current = currentFitNote(rows.map(toFitNote), today);
  if (current === null || current.timing !== 'in_force') return null;
  // Named field by field: what is not named (the comments, the correction's reason) never leaves.
  const { id, issuedOn, periodFrom, periodTo, fitness, categories, reviewNeeded, issuerSetting, issuerProfession, issuerName } =
    current.note;
  return {
    id,
    issuedOn,
    periodFrom,
    periodTo,
    fitness,
    categories,
    reviewNeeded,
    issuerSetting,
    issuerProfession,
    issuerName,
    fromConversation: current.note.fromConversation,
    replacesId: current.note.replacesId,
  };
}

function loadBatch(
  store: Store,
  people: ExportPersonRow[],
  team: Map<string, FhirExportTeamMember>,
  services: Map<string, string>,
  today: string,
): ExportCandidate[] {
  const ids = people.map((person) => person.id);
  const consentOf = new Map(latestSharingConsents(store, ids).map((row) => [row.participant_id, row]));
  const referrals = groupBy(listReferralsOf(store, ids));
  const measures = groupBy(listPhq9AndGad7ResultsOf(store, ids));
  const fitNotes = groupBy(listFitNotesOfBatch(store, ids));
  const assessmentOf = new Map(latestJoinedUpAssessments(store, ids).map((row) => [row.participant_id, row]));
  const planOf = new Map<string, ExportPlanRow>();
  for (const plan of listPlanVersionsInStatus(store, ids, AGREED_PLAN_STATUSES))
    if (!planOf.has(plan.participant_id)) planOf.set(plan.participant_id, plan);
  const planIds = [...planOf.values()].map((plan) => plan.id);
  const progress = new Map(latestActionStatuses(store, planIds).map((row) => [`${row.plan_id}/${row.action_id}`, row.status]));

  return people.map((person): ExportCandidate => {
    const consent = consentOf.get(person.id);
    const base = { participantId: person.id, reference: person.reference };
    if (consent === undefined) return { ...base, include: false, reason: 'No consent recorded to share with the partnership system' };
    if (!consentIsInForce({ decision: consent.decision as 'given' | 'declined', withdrawnOn: consent.withdrawn_on })) {
      return {
        ...base,
        include: false,
        reason:
          consent.decision === 'given'
            ? 'Consent to share with the partnership system was withdrawn'
            : 'Declined to share with the partnership system',
      };
    }
    const planRow = planOf.get(person.id);
    const assessment = assessmentOf.get(person.id);
    const assessmentContent =
      assessment === undefined ? null : (JSON.parse(assessment.content_json) as { mainBarrier?: string; socialBarriers?: string[] });
    let plan: FhirExportData['plan'] = null;
    const members = new Map<string, FhirExportTeamMember>();
    if (planRow !== undefined) {
      const content = JSON.parse(planRow.content_json) as {
        goals: Array<{ id: string; text: string }>;
        actions: Array<Omit<FhirExportAction, 'service' | 'status'> & { serviceId: string | null }>;
      };
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
        person: {
          id: person.id,
          reference: person.reference,
          givenName: person.given_name,
          familyName: person.family_name,
          dateOfBirth: person.date_of_birth,
          nhsNumber: person.nhs_number,
          exitedOn: person.exited_on,
          gpPractice:
            person.gp_practice_ods_code === null ? null : { odsCode: person.gp_practice_ods_code, name: person.gp_practice_name ?? '' },
          sex: person.sex as FhirExportData['person']['sex'],
        },
        referrals: (referrals.get(person.id) ?? []).map((row) => ({ id: row.id, date: row.referral_date, route: row.route })),
        consent: { id: consent.id, purpose: 'share_partnership', decidedOn: consent.decided_on, decision: 'given' },
        team: [...members.values()],
        plan,
        barriers:
          assessment === undefined || assessmentContent?.mainBarrier === undefined
            ? null
            : {
                assessmentId: assessment.id,
                assessedOn: assessment.assessed_on,
                mainBarrier: assessmentContent.mainBarrier,
                socialBarriers: assessmentContent.socialBarriers ?? [],
              },
        measures: (measures.get(person.id) ?? []).map((row) => ({
          id: row.id,
          measure: row.measure,
          takenOn: row.taken_on,
          total: row.total,
        })),
        fitNote: fitNoteInForce(fitNotes.get(person.id) ?? [], today),
      },
    };
  });
}
