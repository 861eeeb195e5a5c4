/** An agenda item's stored sort key (a number: moved items take fractional keys between neighbours). */
export interface AgendaSlot {
  readonly id: string;
  readonly position: number;
}

/**
 * The fewest position changes that turn the `current` agenda (in order) into `target` (the same
 * ids, in the new order): the longest run of items already in the right relative order keeps its
 * keys, and every other item takes a key between its new neighbours'. Moving one case on an
 * agenda of 5,000 changes one row, not 5,000 (issue 17 item 8). Returns null when the keys
 * between two neighbours have run out (a spot bisected ~50 times): the caller then renumbers.
 * O(n log n) in memory; the writes are what cost, and they are only the moved items.
 */
export function agendaMoves(current: readonly AgendaSlot[], target: readonly string[]): AgendaSlot[] | null {
  const rank = new Map(current.map((slot, index) => [slot.id, index]));
  const ranks = target.map((id) => rank.get(id) ?? -1);
  const kept = longestIncreasingRun(ranks);
  const moves: AgendaSlot[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  let index = 0;
  while (index < target.length) {
    if (kept.has(index)) {
      previous = current[ranks[index] ?? 0]?.position ?? previous;
      index += 1;
      continue;
    }
    // A run of moved items up to the next kept one: spread evenly between the two keys.
    let end = index;
    while (end < target.length && !kept.has(end)) end += 1;
    const next = end < target.length ? (current[ranks[end] ?? 0]?.position ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    const count = end - index;
    const low = Number.isFinite(previous) ? previous : Number.isFinite(next) ? next - count - 1 : 0;
    const step = Number.isFinite(next) ? (next - low) / (count + 1) : 1;
    for (let offset = 0; offset < count; offset += 1) {
      const position = low + step * (offset + 1);
      // Keys must stay strictly between the neighbours: floating point has run out of room here.
      if (!(position > previous && position < next)) return null;
      moves.push({ id: target[index + offset] ?? '', position });
      previous = position;
    }
    index = end;
  }
  return moves;
}

/** Indexes into `values` of one longest strictly increasing subsequence (patience sorting). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (const [index, value] of values.entries()) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] ?? 0] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] ?? -1;
    tails[low] = index;
  }
  const run = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] ?? -1) run.add(index);
  return run;
}
