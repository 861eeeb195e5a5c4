import type { SqliteDatabase } from '../../db/open-store';
import { addDaysToIsoDate } from '../../core/calendar-date';
import type { MeetingCalendar } from './seed-case-history';
import type { SeededRandom } from './seeded-random';
import type { SyntheticTeam } from './synthetic-team';

/** How many upcoming meetings people ready for MDT can be listed at. */
const PLANNED_MEETINGS = 10;

/**
 * Adds the partnership's MDT meetings for the seeded period: one on every weekday from `firstDay`
 * to yesterday (ended, attended by the first few team members) and the next ten weekdays
 * (planned). Returns the calendar the history uses to list people on agendas.
 */
export function seedMeetingCalendar(
  sqlite: SqliteDatabase,
  team: SyntheticTeam,
  random: SeededRandom,
  firstDay: string,
  today: string,
): MeetingCalendar {
  const attendeeIds = team.allOwnerIds.slice(0, 5);
  const chair = attendeeIds[0];
  if (chair === undefined) return { pastMeetingOn: () => undefined, plannedMeeting: () => undefined };
  const insert = sqlite.prepare(
    `INSERT INTO meetings (id, held_on, starts_at, chair_id, expected_attendee_ids_json, present_ids_json, minutes_per_case, status, created_by, created_at, ended_at, ended_by)
     VALUES (?, ?, '10:00', ?, ?, ?, 10, ?, ?, ?, ?, ?)`,
  );
  const attendees = JSON.stringify(attendeeIds);
  const past = new Map<string, string>();
  const planned: string[] = [];
  sqlite.transaction(() => {
    for (let day = firstDay; day < today; day = addDaysToIsoDate(day, 1)) {
      if (!isWeekday(day)) continue;
      const id = random.uuid();
      insert.run(
        id,
        day,
        chair,
        attendees,
        attendees,
        'ended',
        team.seedUserId,
        `${addDaysToIsoDate(day, -7)}T09:00:00.000Z`,
        `${day}T12:00:00.000Z`,
        team.seedUserId,
      );
      past.set(day, id);
    }
    for (let day = today; planned.length < PLANNED_MEETINGS; day = addDaysToIsoDate(day, 1)) {
      if (!isWeekday(day)) continue;
      const id = random.uuid();
      insert.run(id, day, chair, attendees, null, 'planned', team.seedUserId, `${today}T09:00:00.000Z`, null, null);
      planned.push(id);
    }
  })();
  const positions = new Map<string, number>();
  const nextPosition = (id: string) => {
    const position = (positions.get(id) ?? 0) + 1;
    positions.set(id, position);
    return position;
  };
  return {
    pastMeetingOn(day) {
      // The meeting that day, or the last one before it (weekends roll back to Friday).
      for (let candidate = day, tries = 0; tries < 7; candidate = addDaysToIsoDate(candidate, -1), tries += 1) {
        const id = past.get(candidate);
        if (id !== undefined) return { id, position: nextPosition(id), attendeeIds };
      }
      return undefined;
    },
    plannedMeeting(pick) {
      const id = pick.pick(planned);
      return { id, position: nextPosition(id) };
    },
  };
}

function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
