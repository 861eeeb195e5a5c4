import { AppError } from '../../core/app-error';
import { londonDateOf } from '../../core/clock';
import { currentEpisodeNumber } from '../../core/episodes/episode-of-date';
import type { Episode } from '../../core/schemas/episode';
import type { ParticipantExitTable } from '../../db/schema';
import { findExit } from '../../db/repositories/action-plan-repository';
import { findFirstReferral, insertEpisode, listEpisodeRows } from '../../db/repositories/episode-repository';
import { insertReferral } from '../../db/repositories/referral-repository';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ParticipantTable } from '../../db/schema';
import { randomUUID } from 'node:crypto';

type Exit = Selectable<ParticipantExitTable>;
type EpisodeEnd = NonNullable<Episode['end']>;

function endOf(exit: { exited_on: string; reason: string; reason_note: string | null; employment_outcome: string }): EpisodeEnd {
  return {
    endedOn: exit.exited_on,
    reason: exit.reason as EpisodeEnd['reason'],
    reasonNote: exit.reason_note,
    employmentOutcome: exit.employment_outcome as EpisodeEnd['employmentOutcome'],
  };
}

/**
 * A person's episodes, oldest first. Episode 1 is derived from the first referral and the
 * registration (store migration 034 says why it is not stored); each later one is a stored row.
 * An episode's end is the exit moved onto the next episode's row when that one began, and for the
 * newest, the current exit in `participant_exits` (or none while the case is open).
 */
export async function episodesOf(db: Kysely<Database>, participant: Pick<ParticipantTable, 'id' | 'created_at'>): Promise<Episode[]> {
  const [first, rows, exit] = await Promise.all([
    findFirstReferral(db, participant.id),
    listEpisodeRows(db, participant.id),
    findExit(db, participant.id),
  ]);
  const episodes: Episode[] = [
    {
      number: 1,
      startedOn: first?.referral_date ?? londonDateOf(new Date(participant.created_at)),
      route: (first?.route ?? 'self_referral') as Episode['route'],
      acceptedAt: first?.recorded_at ?? participant.created_at,
      acceptedBy: first?.recorded_by_name ?? '',
      end: null,
    },
    ...rows.map((row) => ({
      number: row.number,
      startedOn: row.started_on,
      route: row.route as Episode['route'],
      acceptedAt: row.accepted_at,
      acceptedBy: row.accepted_by_name,
      end: null,
    })),
  ];
  return episodes.map((episode, index) => {
    const next = rows[index];
    if (next !== undefined)
      return {
        ...episode,
        end: endOf({
          exited_on: next.previous_ended_on,
          reason: next.previous_end_reason,
          reason_note: next.previous_end_reason_note,
          employment_outcome: next.previous_employment_outcome,
        }),
      };
    return { ...episode, end: exit === undefined ? null : endOf(exit) };
  });
}

/** The referral that starts a new episode: what registration and the inbox both hold. */
export interface EpisodeReferral {
  readonly date: string;
  readonly route: string;
  readonly referrerName: string | null;
  readonly referrerOrganisation: string | null;
  readonly reason: string;
}

/**
 * Starts the next episode for a person whose case has closed, in the caller's transaction: the
 * referral joins their record, the exit that ended the last episode moves onto the new episode's
 * row (`participant_exits` then holds none: the new episode is open) and the status goes back to
 * "referred". Refused (VALIDATION, on `field`) when the referral is dated before that exit: it
 * belongs to the episode that closed, and dating it earlier would put that episode's measures and
 * plans into the new one. The caller checks the person is exited (`exitOf`).
 */
export async function startEpisode(
  db: Kysely<Database>,
  job: { participantId: string; exit: Exit; referral: EpisodeReferral; userId: string; now: Date; field: string },
): Promise<number> {
  const { exit, referral } = job;
  if (referral.date < exit.exited_on)
    throw new AppError('VALIDATION', 'Some answers need correcting.', {
      [job.field]: 'This referral is dated before the case closed: a new episode starts on or after the day the last one ended',
    });
  const rows = await listEpisodeRows(db, job.participantId);
  const number = currentEpisodeNumber(rows) + 1;
  const referralId = randomUUID();
  const at = job.now.toISOString();
  await insertReferral(db, {
    id: referralId,
    participant_id: job.participantId,
    referral_date: referral.date,
    route: referral.route,
    referrer_name: referral.referrerName,
    referrer_organisation: referral.referrerOrganisation,
    reason: referral.reason,
    recorded_by: job.userId,
    recorded_at: at,
  });
  await insertEpisode(db, {
    id: randomUUID(),
    participant_id: job.participantId,
    number,
    started_on: referral.date,
    route: referral.route,
    referral_id: referralId,
    accepted_by: job.userId,
    accepted_at: at,
    previous_ended_on: exit.exited_on,
    previous_end_reason: exit.reason,
    previous_end_reason_note: exit.reason_note,
    previous_employment_outcome: exit.employment_outcome,
    previous_ended_by: exit.recorded_by,
    previous_end_recorded_at: exit.recorded_at,
  });
  return number;
}

/** The exit of a closed case (its status exited and the exit recorded), or undefined while it is open. */
export async function exitOf(db: Kysely<Database>, participant: Pick<ParticipantTable, 'id' | 'status'>): Promise<Exit | undefined> {
  if (participant.status !== 'exited') return undefined;
  return findExit(db, participant.id);
}
