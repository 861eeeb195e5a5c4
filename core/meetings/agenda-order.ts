import type { CaseComplexity } from '../schemas/meetings';

/** What the default agenda order looks at for one case. */
export interface AgendaCandidate {
  readonly id: string;
  readonly complexity: CaseComplexity;
  /** Not reached at an earlier meeting: it has already waited. */
  readonly carriedOver: boolean;
  /** When it was listed (ISO): the tie-breaker, first come first served. */
  readonly listedAt: string;
}

/**
 * The default order of an agenda: complex cases first, while the team is fresh (NHS MDT guidance).
 * An open risk flag comes before everything; then cases carried over from a meeting that did not
 * reach them; then the more disciplines involved, the earlier; then the order they were listed.
 * Returns the ids in order; the input is not changed.
 */
export function defaultAgendaOrder(candidates: readonly AgendaCandidate[]): string[] {
  return [...candidates]
    .sort(
      (a, b) =>
        Number(b.complexity.openRiskFlag) - Number(a.complexity.openRiskFlag) ||
        Number(b.carriedOver) - Number(a.carriedOver) ||
        b.complexity.disciplineCount - a.complexity.disciplineCount ||
        a.listedAt.localeCompare(b.listedAt) ||
        a.id.localeCompare(b.id),
    )
    .map((candidate) => candidate.id);
}

/**
 * The agenda after moving one item up or down by one place (keyboard reordering). Moving past
 * either end leaves the order unchanged.
 */
export function moveAgendaItem(ids: readonly string[], id: string, direction: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** The agenda after dragging one item onto another's place (pointer reordering). */
export function dropAgendaItem(ids: readonly string[], draggedId: string, targetId: string): string[] {
  const from = ids.indexOf(draggedId);
  const to = ids.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, draggedId);
  return next;
}
