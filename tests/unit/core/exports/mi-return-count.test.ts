import { describe, expect, it } from 'vitest';
import { miReturnCountText } from '../../../../core/exports/mi-return-count';

describe('the MI return’s count in words (issue 20 item 4: one row per episode)', () => {
  it('says episodes and people apart, singular or plural, with thousands separated', () => {
    expect(miReturnCountText({ rows: 3, people: 2 })).toBe('3 episodes (2 people)');
    expect(miReturnCountText({ rows: 1, people: 1 })).toBe('1 episode (1 person)');
    expect(miReturnCountText({ rows: 0, people: 0 })).toBe('0 episodes (0 people)');
    expect(miReturnCountText({ rows: 12_001, people: 11_990 })).toBe('12,001 episodes (11,990 people)');
  });
});
