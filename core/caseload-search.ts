/** The most words of a search used: more only slow the index down without narrowing usefully. */
const MAX_SEARCH_TOKENS = 6;

/**
 * Turns what someone typed in the caseload search box into an FTS5 query: every word (letters or
 * digits) must start a word of the person's name, NHS number or reference. So "smi jo" finds Jo
 * Smith, "999 123 4567" and "9991234567" find the same person, and "WW-000123" or "123" their
 * reference. Punctuation is a separator and never reaches FTS5 as syntax, so no input can make the
 * query fail. Returns `null` when there is nothing to search for.
 */
export function caseloadSearchQuery(text: string): string | null {
  const tokens = text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (tokens === null) return null;
  const unique = [...new Set(tokens)].slice(0, MAX_SEARCH_TOKENS);
  return unique.map((token) => `"${token}"*`).join(' ');
}
