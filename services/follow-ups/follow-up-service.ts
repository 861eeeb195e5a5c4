import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import { addDaysToIsoDate, formatCalendarDate } from '../../core/calendar-date';
import { londonDateOf } from '../../core/clock';
import type { ParsedInput } from '../../core/contract';
import {
  addCalendarMonths,
  dueFollowUps,
  FOLLOW_UP_DUE_SOON_DAYS,
  FOLLOW_UP_POINT_LABELS,
  followUpDueOn,
  followUpSchedule,
  followUpState,
} from '../../core/follow-ups/follow-up-due';
import type { FollowUp, FollowUpsDue, PersonFollowUps } from '../../core/schemas/follow-up';
import { findFollowUp, insertFollowUp, listExitsForFollowUp, listFollowUps } from '../../db/repositories/follow-up-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { episodesOf } from '../participants/episodes';
import { requireParticipant } from '../participants/require-participant';

type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    participantId: row.participant_id,
    exitedOn: row.exited_on,
    point: row.point as FollowUp['point'],
    version: row.version,
    contactedOn: row.contacted_on,
    method: row.method as FollowUp['method'],
    outcome: row.outcome as FollowUp['outcome'],
    attempts: row.attempts,
    employmentStatus: row.employment_status as FollowUp['employmentStatus'],
    sameEmployer: row.same_employer === null ? null : row.same_employer === 1,
    hoursPerWeek: row.hours_per_week,
    note: row.note,
    replacesId: row.replaces_id,
    correctionReason: row.correction_reason,
    replacedById: row.replaced_by_id,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}

/**
 * Every exit of a person (each episode that has ended), newest first: an earlier episode's end
 * stays one after they are referred again, so its follow-ups are still made. NOT_FOUND for no such person.
 */
async function exitsOf(store: Store, participantId: string): Promise<Array<{ episode: number; exitedOn: string }>> {
  const participant = await requireParticipant(store, participantId);
  return (await episodesOf(store.db, participant))
    .flatMap((episode) => (episode.end === null ? [] : [{ episode: episode.number, exitedOn: episode.end.endedOn }]))
    .reverse();
}

/**
 * A person's follow-ups on `today` (London): for each exit, newest first (none before their first
 * case ends), the 3- and 6-month points with their due dates (core/follow-ups/follow-up-due.ts),
 * where each stands and every entry recorded for it (the newest uncorrected one in force).
 */
export async function followUpsOf(store: Store, participantId: string, now: Date): Promise<PersonFollowUps> {
  const today = londonDateOf(now);
  const exits = await exitsOf(store, participantId);
  return {
    today,
    exits: await Promise.all(
      exits.map(async ({ episode, exitedOn }) => {
        const entries = (await listFollowUps(store.db, participantId, exitedOn)).map(toFollowUp);
        return {
          episode,
          exitedOn,
          points: followUpSchedule(exitedOn).map(({ point, dueOn }) => {
            const ofPoint = entries.filter((entry) => entry.point === point);
            const current = ofPoint.find((entry) => entry.replacedById === null) ?? null;
            return { point, dueOn, state: followUpState(dueOn, today, current !== null), current, entries: ofPoint };
          }),
        };
      }),
    ),
  };
}

function conflict(message: string): AppError {
  return new AppError('CONFLICT', message, { replacesId: message });
}

/**
 * Records a follow-up of one of the person's exits (`exitedOn`, or the newest), by whom and when
 * (the injected clock); it belongs to the episode that exit ended. Refused, with nothing written:
 * before any case of theirs has ended; an exit date that is not one of theirs; a date before the exit or more than
 * FOLLOW_UP_DUE_SOON_DAYS before the follow-up falls due; a second first entry of the same
 * follow-up (correct the one recorded instead); a correction of an entry that is not this
 * follow-up's or is already corrected (CONFLICT, so the history stays one line).
 */
export async function recordFollowUp(store: Store, input: ParsedInput<'followUps.record'>, userId: string, now: Date): Promise<FollowUp> {
  const exits = await exitsOf(store, input.participantId);
  if (exits.length === 0)
    throw new AppError('CONFLICT', 'This person’s case has not ended: follow-ups start after they leave the service.');
  const followed = input.exitedOn === undefined ? exits[0] : exits.find((exit) => exit.exitedOn === input.exitedOn);
  if (followed === undefined)
    throw new AppError('VALIDATION', 'Check which exit this follows up', {
      exitedOn: 'This person did not leave the service on that date',
    });
  const { exitedOn } = followed;
  const opensOn = addDaysToIsoDate(followUpDueOn(exitedOn, input.point), -FOLLOW_UP_DUE_SOON_DAYS);
  if (input.contactedOn < opensOn)
    throw new AppError('VALIDATION', 'Check the date of the follow-up', {
      contactedOn: `The ${FOLLOW_UP_POINT_LABELS[input.point]} can be recorded from ${formatCalendarDate(opensOn)}`,
    });
  const existing = (await listFollowUps(store.db, input.participantId, exitedOn)).filter((row) => row.point === input.point);
  let version = 1;
  if (input.replacesId === undefined) {
    if (existing.length > 0) throw conflict(`The ${FOLLOW_UP_POINT_LABELS[input.point]} has already been recorded. Correct it instead.`);
  } else {
    const earlier = await findFollowUp(store.db, input.replacesId);
    if (
      earlier === undefined ||
      earlier.participant_id !== input.participantId ||
      earlier.exited_on !== exitedOn ||
      earlier.point !== input.point
    )
      throw new AppError('NOT_FOUND', 'The follow-up being corrected could not be found on this person’s record.', {
        replacesId: 'Not found on this record',
      });
    if (earlier.replaced_by_id !== null)
      throw conflict('This follow-up has already been corrected by someone else. Reopen the record and correct the newest one.');
    version = earlier.version + 1;
  }
  const id = randomUUID();
  try {
    await insertFollowUp(store.db, {
      id,
      participant_id: input.participantId,
      exited_on: exitedOn,
      point: input.point,
      version,
      contacted_on: input.contactedOn,
      method: input.method,
      outcome: input.outcome,
      attempts: input.attempts,
      employment_status: input.employmentStatus,
      same_employer: input.sameEmployer === null ? null : input.sameEmployer ? 1 : 0,
      hours_per_week: input.hoursPerWeek,
      note: input.note,
      replaces_id: input.replacesId ?? null,
      correction_reason: input.correctionReason,
      recorded_by: userId,
      recorded_at: now.toISOString(),
    });
  } catch (error) {
    // Two first entries (or two corrections) at once: the unique indexes let only the first in.
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw conflict('Someone else recorded this follow-up first. Reopen the record and correct theirs if it needs it.');
    throw toStoreError(error);
  }
  const saved = (await listFollowUps(store.db, input.participantId, exitedOn)).find((row) => row.id === id);
  if (saved === undefined) throw new AppError('INTERNAL', 'The follow-up was not recorded.');
  return toFollowUp(saved);
}

/**
 * Follow-ups overdue or due within FOLLOW_UP_DUE_SOON_DAYS of `today` (London), not yet recorded,
 * soonest first; `coachUserId` narrows them to one coach's people. Every exit counts, an earlier
 * episode's included after the person is referred again. Only exits old enough for a 3-month
 * follow-up to fall due by the horizon are read.
 */
export async function followUpsDue(store: Store, now: Date, coachUserId?: string): Promise<FollowUpsDue> {
  const today = londonDateOf(now);
  const horizon = addDaysToIsoDate(today, FOLLOW_UP_DUE_SOON_DAYS);
  // A month end can bring a due date up to 3 days closer (31 August + 3 months is 30 November), so the
  // exits read reach 3 days further; the schedule below keeps only the follow-ups really due.
  const exits = await listExitsForFollowUp(store.db, addDaysToIsoDate(addCalendarMonths(horizon, -3), 3), coachUserId);
  const rows = exits.map((row) => ({ ...row, exitedOn: row.exited_on, recorded: new Set((row.recorded_points ?? '').split(',')) }));
  const items: FollowUpsDue['items'] = dueFollowUps(rows, today).map(({ exit, point, dueOn, state }) => ({
    participantId: exit.participant_id,
    reference: exit.reference,
    givenName: exit.given_name,
    familyName: exit.family_name,
    coachName: exit.coach_name,
    episode: exit.episode,
    exitedOn: exit.exited_on,
    point,
    dueOn,
    state,
  }));
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
  return { today, items };
}
