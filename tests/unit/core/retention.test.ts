import { describe, expect, it } from 'vitest';
import { isDueForRetentionReview, latestDueExitDate, retentionReviewDueOn } from '../../../core/retention';

describe('retention rules', () => {
  it('a record is due for review 8 years after exit, 29 February included', () => {
    expect(retentionReviewDueOn('2026-11-22')).toBe('2034-11-22');
    expect(isDueForRetentionReview('2026-11-22', '2034-11-21')).toBe(false);
    expect(isDueForRetentionReview('2026-11-22', '2034-11-22')).toBe(true);
    expect(retentionReviewDueOn('2024-02-29')).toBe('2032-02-29');
    expect(retentionReviewDueOn('2092-02-29')).toBe('2100-02-28');
    expect(latestDueExitDate('2034-11-22')).toBe('2026-11-22');
    expect(latestDueExitDate('2032-02-28')).toBe('2024-02-28');
    expect(latestDueExitDate('2100-02-28')).toBe('2092-02-29');
  });
});
