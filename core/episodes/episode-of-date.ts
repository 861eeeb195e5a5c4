/**
 * Which episode a dated entry (a measure's date, the day a plan version was made) belongs to.
 *
 * Derived from the entry's date against the episodes' start dates rather than stored in a column
 * of every clinical table: a laptop offline cannot know that another laptop has just started
 * episode 2, so a column it filled in would be wrong until corrected, and a correction of an
 * append-only measure is impossible. Derived, every laptop and the partnership server give the
 * same answer from the same synced rows, whatever order they arrived in, and nothing written
 * before this feature needs migrating.
 *
 * The rule: the latest episode begun on or before the date; anything dated before the first
 * episode began belongs to episode 1. On the day one episode ends and the next begins, a dated
 * entry belongs to the new one. An entry dated after an exit and before the next referral (a
 * follow-up measure) stays with the episode that ended.
 */
export function episodeNumberOn(episodes: ReadonlyArray<{ readonly number: number; readonly startedOn: string }>, date: string): number {
  let found = 1;
  for (const episode of episodes) if (episode.startedOn <= date && episode.number > found) found = episode.number;
  return found;
}

/** The newest episode's number (1 for a person with no later episode). */
export function currentEpisodeNumber(episodes: ReadonlyArray<{ readonly number: number }>): number {
  return episodes.reduce((highest, episode) => Math.max(highest, episode.number), 1);
}

/** The entries of one episode: those whose date (`dateOf`) falls in it by `episodeNumberOn`'s rule. */
export function entriesOfEpisode<Entry>(
  episodes: ReadonlyArray<{ readonly number: number; readonly startedOn: string }>,
  number: number,
  entries: readonly Entry[],
  dateOf: (entry: Entry) => string,
): Entry[] {
  return entries.filter((entry) => episodeNumberOn(episodes, dateOf(entry)) === number);
}

/** The entries of the current (newest) episode. */
export function currentEpisodeEntries<Entry>(
  episodes: ReadonlyArray<{ readonly number: number; readonly startedOn: string }>,
  entries: readonly Entry[],
  dateOf: (entry: Entry) => string,
): Entry[] {
  return entriesOfEpisode(episodes, currentEpisodeNumber(episodes), entries, dateOf);
}
