/**
 * How many rows an MI return holds, in words: its rows are one per episode on the caseload that
 * month (issue 20 item 4), so a person referred again and seen twice in it is two rows but one
 * person. "3 episodes (2 people)", "1 episode (1 person)". Both numbers come from the service that
 * built the return (`rows`, `people`); the declined-referral count rows are neither.
 */
export function miReturnCountText(counts: { readonly rows: number; readonly people: number }): string {
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
  return `${count(counts.rows, 'episode', 'episodes')} (${count(counts.people, 'person', 'people')})`;
}
