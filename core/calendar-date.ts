/**
 * Today's date as YYYY-MM-DD on this computer's calendar. Local, not UTC: a referral made at
 * 00:30 in British Summer Time is dated that day, not the day before.
 */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
