import type { MeasureId } from '../../core/scoring/measure-id';
import type { SeededRandom } from './seeded-random';

/** How a person's scores move between baseline and later measures. */
export type ScoreCourse = 'improving' | 'unchanged' | 'worsening';

/** Most people improve with joined-up support; some stay the same and a few get worse. */
export const COURSE_WEIGHTS: ReadonlyArray<readonly [ScoreCourse, number]> = [
  ['improving', 70],
  ['unchanged', 18],
  ['worsening', 12],
];

/**
 * Item count, item maximum and direction of each measure. `higherIsBetter` items (MSK-HQ, work
 * ability) are answered as the complement of the severity.
 */
const SHAPES: Readonly<Record<MeasureId, { items: number; max: number; higherIsBetter: boolean }>> = {
  phq9: { items: 9, max: 3, higherIsBetter: false },
  gad7: { items: 7, max: 3, higherIsBetter: false },
  wsas: { items: 5, max: 8, higherIsBetter: false },
  mskhq: { items: 14, max: 4, higherIsBetter: true },
  work_ability: { items: 1, max: 10, higherIsBetter: true },
};

/** Baseline severity (0 = no problem, 1 = as bad as the measure goes) of someone referred to WorkWell. */
export function baselineSeverity(random: SeededRandom): number {
  return 0.4 + random.next() * 0.45;
}

/** The severity at the next measure, moved along the person's course and kept in [0, 1]. */
export function nextSeverity(severity: number, course: ScoreCourse, random: SeededRandom): number {
  const step =
    course === 'improving'
      ? -(0.08 + random.next() * 0.14)
      : course === 'worsening'
        ? 0.04 + random.next() * 0.08
        : (random.next() - 0.5) * 0.06;
  return Math.min(1, Math.max(0, severity + step));
}

/**
 * Answers to a measure that score near `severity`, item by item with a little noise. PHQ-9
 * question 9 is always "not at all": risk flags are raised by the app's own rule, not seeded here.
 */
export function answersFor(measure: MeasureId, severity: number, random: SeededRandom): number[] {
  const shape = SHAPES[measure];
  const level = shape.higherIsBetter ? 1 - severity : severity;
  return Array.from({ length: shape.items }, (_, index) => {
    if (measure === 'phq9' && index === 8) return 0;
    const value = Math.round(level * shape.max + (random.next() - 0.5) * 1.4);
    return Math.min(shape.max, Math.max(0, value));
  });
}
