import { auditedTransaction } from '../call-audit-scope';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { agendaMoves } from '../../core/meetings/agenda-moves';
import type { AgendaItemStatus, Meeting, MeetingStatus } from '../../core/schemas/meetings';
import type { SignedInUser } from '../../core/schemas/session';
import { participantsWithPlanAgreedAt } from '../../db/repositories/action-plan-repository';
import {
  findAgendaItem,
  findMeeting,
  insertMeeting,
  listAgendaItems,
  listAgendaOrder,
  listMeetings,
  markAgendaReordered,
  moveAgendaItems,
  recordMeetingAttendance,
  setAgendaPositions,
  updateCaseNotes,
  type MeetingRow,
} from '../../db/repositories/meeting-repository';
import { listTeamMembers } from '../../db/repositories/team-member-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { factsOf, loadCaseFacts } from './case-facts';

const MEETING_LIST_LIMIT = 200;

/** The meeting, or NOT_FOUND. */
export async function requireMeeting(store: Store, id: string): Promise<MeetingRow> {
  const meeting = await findMeeting(store.db, id);
  if (meeting === undefined) throw new AppError('NOT_FOUND', 'That meeting could not be found.');
  return meeting;
}

/** Refuses any change to a meeting that has ended: its minutes are the record. */
export function requirePlanned(meeting: MeetingRow): void {
  if (meeting.status !== 'planned') throw new AppError('CONFLICT', 'This meeting has ended; its agenda and minutes are locked.');
}

async function activeMemberIds(store: Store): Promise<Set<string>> {
  return new Set((await listTeamMembers(store.db)).filter((member) => member.active === 1).map((member) => member.id));
}

/** Every meeting, newest first. */
export async function listAllMeetings(store: Store): Promise<ChannelOutput<'meetings.list'>> {
  const rows = await listMeetings(store.db, MEETING_LIST_LIMIT);
  return {
    meetings: rows.map((row) => ({
      id: row.id,
      heldOn: row.held_on,
      startsAt: row.starts_at,
      status: row.status as MeetingStatus,
      chairName: row.chair_name,
      caseCount: Number(row.case_count ?? 0),
    })),
  };
}

/** Plans a meeting: the chair and everyone expected must be active team members; the chair is always expected. */
export async function createMeeting(
  store: Store,
  input: ParsedInput<'meetings.create'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'meetings.create'>> {
  const active = await activeMemberIds(store);
  const fields: Record<string, string> = {};
  if (!active.has(input.chairId)) fields.chairId = 'Choose an active team member as chair';
  if (input.expectedAttendeeIds.some((id) => !active.has(id)))
    fields.expectedAttendeeIds = 'Everyone expected must be an active team member';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'The meeting could not be planned.', fields);
  const id = randomUUID();
  const at = now.toISOString();
  await insertMeeting(store.db, {
    id,
    held_on: input.heldOn,
    starts_at: input.startsAt,
    chair_id: input.chairId,
    expected_attendee_ids_json: JSON.stringify([...new Set([input.chairId, ...input.expectedAttendeeIds])]),
    present_ids_json: null,
    minutes_per_case: input.minutesPerCase,
    duration_minutes: input.durationMinutes,
    status: 'planned',
    created_by: user.userId,
    created_at: at,
  });
  return { id };
}

/** One meeting with its agenda in order, each case with its complexity and live notes. */
export async function getMeeting(store: Store, id: string): Promise<Meeting> {
  const meeting = await requireMeeting(store, id);
  const [items, members] = await Promise.all([listAgendaItems(store.db, id), listTeamMembers(store.db)]);
  const [facts, agreed] = await Promise.all([
    loadCaseFacts(
      store.db,
      items.map((item) => item.participant_id),
    ),
    participantsWithPlanAgreedAt(store.db, id),
  ]);
  const chair = members.find((member) => member.id === meeting.chair_id);
  return {
    id: meeting.id,
    heldOn: meeting.held_on,
    startsAt: meeting.starts_at,
    status: meeting.status as MeetingStatus,
    chairId: meeting.chair_id,
    chairName: chair?.full_name ?? 'Unknown',
    caseCount: items.length,
    minutesPerCase: meeting.minutes_per_case,
    durationMinutes: meeting.duration_minutes,
    expectedAttendeeIds: JSON.parse(meeting.expected_attendee_ids_json) as string[],
    presentIds: meeting.present_ids_json === null ? null : (JSON.parse(meeting.present_ids_json) as string[]),
    endedAt: meeting.ended_at,
    rolledForwardToId: meeting.rolled_forward_to_id,
    agenda: items.map((item, index) => ({
      id: item.id,
      participantId: item.participant_id,
      reference: item.reference,
      givenName: item.given_name,
      familyName: item.family_name,
      position: index,
      status: item.status as AgendaItemStatus,
      complexity: factsOf(facts, item.participant_id).complexity,
      carriedOver: item.carried_over_from_id !== null,
      notes: item.notes,
      decisions: item.decisions,
      planAgreedHere: agreed.has(item.participant_id),
      version: item.version,
      notesUpdatedAt: item.notes_updated_at,
      notesUpdatedByName: item.notes_updated_by_name,
    })),
  };
}

/**
 * Orders the agenda by hand: the ids must be exactly the agenda's items (the whole order, as the
 * screen sends it). Only the cases that moved get new sort keys. From then on new cases join the end.
 */
export async function reorderAgenda(
  store: Store,
  input: ParsedInput<'meetings.reorderAgenda'>,
): Promise<ChannelOutput<'meetings.reorderAgenda'>> {
  const meeting = await requireMeeting(store, input.meetingId);
  requirePlanned(meeting);
  const slots = await listAgendaOrder(store.db, meeting.id);
  const current = new Set(slots.map((slot) => slot.id));
  if (
    input.itemIds.length !== current.size ||
    new Set(input.itemIds).size !== current.size ||
    input.itemIds.some((id) => !current.has(id))
  ) {
    throw new AppError('CONFLICT', 'The agenda changed since you opened it. Reload it and reorder again.');
  }
  try {
    await auditedTransaction(store, async (trx) => {
      // Only the moved cases are written: one case dragged on an agenda of 5,000 is one row.
      const moves = agendaMoves(slots, input.itemIds);
      if (moves === null) await setAgendaPositions(trx, meeting.id, input.itemIds);
      else await moveAgendaItems(trx, meeting.id, moves);
      await markAgendaReordered(trx, meeting.id);
    });
  } catch (error) {
    throw toStoreError(error);
  }
  return {};
}

/** Records who is present (active team members only). It can be corrected until the meeting ends. */
export async function recordAttendance(
  store: Store,
  input: ParsedInput<'meetings.recordAttendance'>,
): Promise<ChannelOutput<'meetings.recordAttendance'>> {
  const meeting = await requireMeeting(store, input.meetingId);
  requirePlanned(meeting);
  const active = await activeMemberIds(store);
  if (input.presentIds.length === 0)
    throw new AppError('VALIDATION', 'Tick everyone who is present.', { presentIds: 'Tick everyone who is present' });
  if (input.presentIds.some((id) => !active.has(id)))
    throw new AppError('VALIDATION', 'Everyone present must be an active team member.', {
      presentIds: 'Everyone present must be an active team member',
    });
  await recordMeetingAttendance(store.db, meeting.id, [...new Set(input.presentIds)]);
  return {};
}

/**
 * Saves the live discussion notes and decisions on one case, only at the version the typist
 * started from: someone else's save in between is a conflict, never a silent overwrite.
 */
export async function saveCaseNotes(
  store: Store,
  input: ParsedInput<'meetings.saveCaseNotes'>,
  user: SignedInUser,
  now: Date,
): Promise<ChannelOutput<'meetings.saveCaseNotes'>> {
  const item = await findAgendaItem(store.db, input.itemId);
  if (item === undefined) throw new AppError('NOT_FOUND', 'That case is not on any agenda.');
  requirePlanned(await requireMeeting(store, item.meeting_id));
  try {
    const saved = await updateCaseNotes(store.db, {
      id: item.id,
      expectedVersion: input.version,
      notes: input.notes,
      decisions: input.decisions,
      by: user.userId,
      at: now.toISOString(),
    });
    if (!saved)
      throw new AppError(
        'CONFLICT',
        'Someone else saved notes on this case since you started typing. Your text was kept on screen but not saved: copy it, reload the case, and add it to theirs.',
      );
  } catch (error) {
    throw toStoreError(error);
  }
  return { version: input.version + 1 };
}
