import { addDaysToIsoDate } from '../calendar-date';
import { londonDateOf, SERVICE_TIME_ZONE } from '../clock';

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: SERVICE_TIME_ZONE,
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time (HH:MM:SS) in England at `instant`. */
function londonTimeOf(instant: Date): string {
  const part = (type: string) => londonTime.formatToParts(instant).find((each) => each.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}:${part('second')}`;
}

/**
 * Monday to Friday. England's bank holidays are not counted (the app has no calendar of them yet):
 * a flag raised before one falls due on it, which errs towards showing it sooner.
 */
export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day after `isoDate`. */
export function nextWorkingDay(isoDate: string): string {
  let day = addDaysToIsoDate(isoDate, 1);
  while (!isWorkingDay(day)) day = addDaysToIsoDate(day, 1);
  return day;
}

/**
 * When an unacknowledged flag becomes overdue, as a London wall-clock moment (YYYY-MM-DDTHH:MM:SS):
 * one working day after it was raised. Raised on a working day, the same time on the next working
 * day (Friday 15:00 is due by Monday 15:00); raised at a weekend, the working day starts on Monday
 * morning, so it is due by the end of Monday.
 */
export function riskFlagDueBy(raisedAt: string): string {
  const raised = new Date(raisedAt);
  const raisedOn = londonDateOf(raised);
  if (isWorkingDay(raisedOn)) return `${nextWorkingDay(raisedOn)}T${londonTimeOf(raised)}`;
  return `${addDaysToIsoDate(nextWorkingDay(raisedOn), 1)}T00:00:00`;
}

/** True once a flag raised at `raisedAt` and still open has gone past its one working day at `now`. */
export function isRiskFlagOverdue(raisedAt: string, now: Date): boolean {
  return `${londonDateOf(now)}T${londonTimeOf(now)}` >= riskFlagDueBy(raisedAt);
}
