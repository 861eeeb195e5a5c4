import { ACTION_KIND_LABELS, type ActionKind } from '../../core/schemas/action-plan';
import type { AgendaItemStatus, MeetingMinutes, MeetingStatus } from '../../core/schemas/meetings';
import { listPlansAgreedAtMeeting } from '../../db/repositories/action-plan-repository';
import { listDirectoryServices } from '../../db/repositories/directory-service-repository';
import { listDisciplines } from '../../db/repositories/discipline-repository';
import { findMeeting, listAgendaItems } from '../../db/repositories/meeting-repository';
import { listTeamMembers } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { planContent } from '../plans/action-plan-read';
import { requireMeeting } from './meeting-service';
import { DISCIPLINE_LABELS, type Discipline } from '../../core/schemas/assessment';

/**
 * The minutes of a meeting: attendance, then per case the notes, the decisions and the plan
 * version agreed at the meeting with every action, its owner and due date. Names, not ids, so the
 * exports can print the model as it is.
 */
export async function meetingMinutes(store: Store, meetingId: string): Promise<MeetingMinutes> {
  const meeting = await requireMeeting(store, meetingId);
  const [items, members, services, disciplines, plans] = await Promise.all([
    listAgendaItems(store.db, meeting.id),
    listTeamMembers(store.db),
    listDirectoryServices(store.db),
    listDisciplines(store.db),
    listPlansAgreedAtMeeting(store.db, meeting.id),
  ]);
  const memberById = new Map(members.map((member) => [member.id, member]));
  const serviceName = new Map(services.map((service) => [service.id, service.name]));
  const disciplineLabel = (code: string) =>
    disciplines.find((discipline) => discipline.code === code)?.label ?? DISCIPLINE_LABELS[code as Discipline] ?? code;
  const person = (id: string) => {
    const member = memberById.get(id);
    return { name: member?.full_name ?? 'Unknown', role: member?.job_title ?? '' };
  };
  const expected = JSON.parse(meeting.expected_attendee_ids_json) as string[];
  const present = meeting.present_ids_json === null ? [] : (JSON.parse(meeting.present_ids_json) as string[]);
  const next = meeting.rolled_forward_to_id === null ? undefined : await findMeeting(store.db, meeting.rolled_forward_to_id);
  return {
    meetingId: meeting.id,
    heldOn: meeting.held_on,
    startsAt: meeting.starts_at,
    status: meeting.status as MeetingStatus,
    chairName: person(meeting.chair_id).name,
    attendanceRecorded: meeting.present_ids_json !== null,
    present: present.map(person),
    apologies: meeting.present_ids_json === null ? [] : expected.filter((id) => !present.includes(id)).map(person),
    cases: items.map((item) => {
      const plan = plans.find((candidate) => candidate.participant_id === item.participant_id);
      const content = plan === undefined ? undefined : planContent(plan);
      const goals = new Map((content?.goals ?? []).map((goal) => [goal.id, goal.text]));
      return {
        itemId: item.id,
        participantId: item.participant_id,
        reference: item.reference,
        name: `${item.given_name} ${item.family_name}`,
        status: item.status as AgendaItemStatus,
        notes: item.notes,
        decisions: item.decisions,
        plan:
          plan === undefined || content === undefined
            ? null
            : {
                versionNumber: plan.version_number,
                reviewOn: plan.review_on,
                checkedByName: plan.checked_by_name ?? 'Unknown',
                goals: content.goals.map((goal) => goal.text),
                actions: content.actions.map((action) => ({
                  id: action.id,
                  kind: ACTION_KIND_LABELS[action.kind as ActionKind],
                  disciplineLabel: disciplineLabel(action.discipline),
                  description: action.description,
                  ownerName: action.ownerId === null ? 'Not chosen' : person(action.ownerId).name,
                  dueOn: action.dueOn,
                  serviceName: action.serviceId === null ? null : (serviceName.get(action.serviceId) ?? 'Unknown service'),
                  goal: action.goalId === null ? null : (goals.get(action.goalId) ?? null),
                })),
              },
      };
    }),
    rolledForwardTo: next === undefined ? null : { meetingId: next.id, heldOn: next.held_on },
  };
}
