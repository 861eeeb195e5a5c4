import { describe, expect, it } from 'vitest';
import { defaultAgendaOrder, dropAgendaItem, moveAgendaItem } from '../../../core/meetings/agenda-order';

const at = (minute: number) => `2026-11-30T09:${String(minute).padStart(2, '0')}:00.000Z`;

describe('agenda order', () => {
  it('puts an open risk flag first, then cases carried over, then more disciplines, then first listed', () => {
    const order = defaultAgendaOrder([
      { id: 'plain-early', complexity: { openRiskFlag: false, disciplineCount: 1 }, carriedOver: false, listedAt: at(1) },
      { id: 'plain-late', complexity: { openRiskFlag: false, disciplineCount: 1 }, carriedOver: false, listedAt: at(5) },
      { id: 'three-disciplines', complexity: { openRiskFlag: false, disciplineCount: 3 }, carriedOver: false, listedAt: at(9) },
      { id: 'carried', complexity: { openRiskFlag: false, disciplineCount: 1 }, carriedOver: true, listedAt: at(8) },
      { id: 'risk', complexity: { openRiskFlag: true, disciplineCount: 1 }, carriedOver: false, listedAt: at(7) },
    ]);
    expect(order).toEqual(['risk', 'carried', 'three-disciplines', 'plain-early', 'plain-late']);
  });

  it('moves one place up or down by keyboard, and not past either end', () => {
    expect(moveAgendaItem(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveAgendaItem(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveAgendaItem(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveAgendaItem(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('drops a dragged item into the place of the one it was dropped on', () => {
    expect(dropAgendaItem(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropAgendaItem(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropAgendaItem(['a', 'b'], 'x', 'b')).toEqual(['a', 'b']);
  });
});
