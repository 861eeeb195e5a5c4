// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { AppError } from '../../core/app-error';
import type { ParsedInput } from '../../core/contract';
import { ACTION_KIND_LABELS, ACTION_STATUS_LABELS, PLAN_STATUS_LABELS, type ActionPlan } from '../../core/schemas/action-plan';
import { DISCIPLINE_LABELS, type Discipline } from '../../core/schemas/assessment';
import type { PdfDocument } from '../../core/schemas/documents';
import type { SignedInUser } from '../../core/schemas/session';
import { listDirectoryServices } from '../../db/repositories/directory-service-repository';
import { listDisciplines } from '../../db/repositories/discipline-repository';
import { findTeamMemberByUser, listTeamMembers } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { getParticipantPlans } from '../plans/action-plan-read';
import { getParticipantRecord } from '../participants/participant-record';
import type { PlanContact, PlanDocumentModel } from './plan-document-model';
import { PlanDocument } from './plan-document';
import { documentMeta, exportPdf, fileNamePart } from './pdf-export';
import { documentPerson } from './person-identity';

/** Until the MDT has agreed a version it is a draft: printed, it carries the DRAFT watermark. */
export function planIsDraft(plan: Pick<ActionPlan, 'status'>): boolean {
  return plan.status === 'draft';
}

/**
 * The person's plan in words: owners, services and disciplines by name, each action's current
 * status, and the contacts (their coach first, then each action's owner once).
 */
export async function planModel(
  store: Store,
  participantId: string,
  planId: string | undefined,
): Promise<PlanDocumentModel & { plan: ActionPlan }> {
  const [person, plans, members, services, disciplines] = await Promise.all([
    getParticipantRecord(store, participantId),
    getParticipantPlans(store, participantId),
    listTeamMembers(store.db),
    listDirectoryServices(store.db),
    listDisciplines(store.db),
  ]);
  const plan = planId === undefined ? plans.versions[0] : plans.versions.find((version) => version.id === planId);
  if (plan === undefined)
    throw new AppError(
      'NOT_FOUND',
      planId === undefined ? 'This person has no action plan yet.' : 'That plan could not be found for this person.',
    );
  const memberById = new Map(members.map((member) => [member.id, member]));
  const serviceById = new Map(services.map((service) => [service.id, service]));
  const disciplineLabel = (code: string) =>
    disciplines.find((discipline) => discipline.code === code)?.label ?? DISCIPLINE_LABELS[code as Discipline] ?? code;
  const goals = new Map(plan.goals.map((goal) => [goal.id, goal.text]));
  const progress = new Map(plan.progress.map((entry) => [entry.actionId, entry.status]));

  const contacts: PlanContact[] = [];
  const seen = new Set<string>();
  const coach = person.coach === null ? undefined : await findTeamMemberByUser(store.db, person.coach.userId);
  const addContact = (member: (typeof members)[number] | undefined) => {
    if (member === undefined || seen.has(member.id)) return;
    seen.add(member.id);
    contacts.push({ name: member.full_name, role: member.job_title, phone: member.phone, email: member.email });
  };
  addContact(coach);
  for (const action of plan.actions) addContact(action.ownerId === null ? undefined : memberById.get(action.ownerId));

  const who = documentPerson(person);
  return {
    plan,
    personName: who.name,
    reference: who.reference,
    versionNumber: plan.versionNumber,
    statusLabel: PLAN_STATUS_LABELS[plan.status],
    goals: plan.goals.map((goal) => goal.text),
    actions: plan.actions.map((action) => {
      const service = action.serviceId === null ? undefined : serviceById.get(action.serviceId);
      return {
        what: action.description,
        kind: ACTION_KIND_LABELS[action.kind],
        who: action.ownerId === null ? 'To be agreed' : (memberById.get(action.ownerId)?.full_name ?? 'A former team member'),
        discipline: disciplineLabel(action.discipline),
        dueOn: action.dueOn,
        status: ACTION_STATUS_LABELS[progress.get(action.id) ?? 'not_started'],
        goal: action.goalId === null ? null : (goals.get(action.goalId) ?? null),
        service:
          service === undefined ? null : { name: service.name, phone: service.phone, email: service.email, website: service.website },
      };
    }),
    reviewOn: plan.nextReviewOn ?? plan.reviewOn,
    agreedByMdtOn: plan.agreedByMdt?.at ?? null,
    agreedWithPersonOn: plan.agreedWithPerson?.on ?? null,
    contacts,
  };
}

/** The person's action plan as a PDF, recorded in the export log. */
export async function planPdf(store: Store, input: ParsedInput<'documents.planPdf'>, user: SignedInUser, now: Date): Promise<PdfDocument> {
  const model = await planModel(store, input.participantId, input.planId);
  const draft = planIsDraft(model.plan);
  const meta = await documentMeta(store, user, now, 'Action plan', `Version ${model.versionNumber}`, draft);
  const fileName = `action-plan-${fileNamePart(model.reference)}-v${model.versionNumber}${input.largePrint ? '-large-print' : ''}${draft ? '-draft' : ''}.pdf`;
  return exportPdf(store, user, now, {
    kind: 'plan_pdf',
    fileName,
    draft,
    element: <PlanDocument model={model} meta={meta} largePrint={input.largePrint} />,
    participantIds: [input.participantId],
  });
}
