import { describe, expect, it } from 'vitest';
import { agendaMoves, type AgendaSlot } from '../../../core/meetings/agenda-moves';
import { SeededRandom } from '../../../services/synthetic/seeded-random';

/** Applies the moves (or renumbers, on null) and returns the agenda in stored-key order. */
function apply(slots: readonly AgendaSlot[], target: readonly string[]): { slots: AgendaSlot[]; changed: number; renumbered: boolean } {
  const moves = agendaMoves(slots, target);
  if (moves === null) return { slots: target.map((id, position) => ({ id, position })), changed: target.length, renumbered: true };
  const moved = new Map(moves.map((move) => [move.id, move.position]));
  const next = slots.map((slot) => ({ id: slot.id, position: moved.get(slot.id) ?? slot.position }));
  return { slots: next.sort((a, b) => a.position - b.position), changed: moves.length, renumbered: false };
}

function agenda(length: number): AgendaSlot[] {
  return Array.from({ length }, (_, index) => ({ id: `item-${index}`, position: index }));
}

/** `ids` with the item at `from` taken out and put back at `to`. */
function moveOne(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item ?? '');
  return next;
}

describe('agendaMoves', () => {
  it('moving one case writes one key, whether the agenda has 12 cases or 5,000', () => {
    for (const length of [12, 5_000]) {
      const slots = agenda(length);
      const target = moveOne(
        slots.map((slot) => slot.id),
        length - 2,
        1,
      );
      const result = apply(slots, target);
      expect(result.changed).toBe(1);
      expect(result.slots.map((slot) => slot.id)).toEqual(target);
    }
  });

  it('gives exactly the asked order over 2,000 random reorders (single moves, swaps, shuffles), changing only what moved', () => {
    const random = new SeededRandom(20261206);
    let slots = agenda(40);
    for (let round = 0; round < 2_000; round += 1) {
      const ids = slots.map((slot) => slot.id);
      const kind = round % 3;
      let target: string[];
      if (kind === 0) target = moveOne(ids, random.integer(0, ids.length - 1), random.integer(0, ids.length - 1));
      else if (kind === 1) {
        target = [...ids];
        const a = random.integer(0, ids.length - 1);
        const b = random.integer(0, ids.length - 1);
        [target[a], target[b]] = [target[b] ?? '', target[a] ?? ''];
      } else target = [...ids].sort(() => random.integer(0, 1) - 0.5);
      const result = apply(slots, target);
      expect(result.slots.map((slot) => slot.id)).toEqual(target);
      if (kind === 0 && !result.renumbered) expect(result.changed).toBeLessThanOrEqual(1);
      if (kind === 1 && !result.renumbered) expect(result.changed).toBeLessThanOrEqual(2);
      slots = result.slots;
    }
  });

  it('says when the keys between two neighbours have run out, so the caller renumbers', () => {
    // Always dropping the last case between the first two halves the gap each time (keys from 1:
    // near 0 a double has room for a thousand halvings).
    let slots = agenda(3).map((slot) => ({ ...slot, position: slot.position + 1 }));
    let rounds = 0;
    for (; rounds < 200; rounds += 1) {
      const ids = slots.map((slot) => slot.id);
      const target = moveOne(ids, ids.length - 1, 1);
      if (agendaMoves(slots, target) === null) break;
      slots = apply(slots, target).slots;
    }
    expect(rounds).toBeGreaterThan(20);
    expect(rounds).toBeLessThan(200);
  });
});
