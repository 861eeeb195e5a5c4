import { describe, expect, it } from 'vitest';
import { isRiskFlagOverdue, nextWorkingDay, riskFlagDueBy } from '../../../../core/risk/risk-flag-overdue';

describe('a risk flag is overdue after one working day (Monday to Friday, in London)', () => {
  it('raised on a working day: due at the same time on the next working day', () => {
    expect(riskFlagDueBy('2026-12-07T09:30:00Z')).toBe('2026-12-08T09:30:00');
    expect(isRiskFlagOverdue('2026-12-07T09:30:00Z', new Date('2026-12-08T09:29:59Z'))).toBe(false);
    expect(isRiskFlagOverdue('2026-12-07T09:30:00Z', new Date('2026-12-08T09:30:00Z'))).toBe(true);
  });

  it('raised on a Friday: due on Monday, not over the weekend', () => {
    expect(riskFlagDueBy('2026-12-04T15:00:00Z')).toBe('2026-12-07T15:00:00');
    expect(isRiskFlagOverdue('2026-12-04T15:00:00Z', new Date('2026-12-06T23:00:00Z'))).toBe(false);
    expect(isRiskFlagOverdue('2026-12-04T15:00:00Z', new Date('2026-12-07T15:00:00Z'))).toBe(true);
  });

  it('raised at the weekend: the whole of Monday to acknowledge it', () => {
    expect(riskFlagDueBy('2026-12-05T11:00:00Z')).toBe('2026-12-08T00:00:00');
    expect(isRiskFlagOverdue('2026-12-05T11:00:00Z', new Date('2026-12-07T23:59:59Z'))).toBe(false);
    expect(isRiskFlagOverdue('2026-12-05T11:00:00Z', new Date('2026-12-08T00:00:00Z'))).toBe(true);
  });

  it('in summer time the day and the hour are London’s, not UTC’s', () => {
    // Friday 3 July 2026 23:30 UTC is Saturday 00:30 in London: a weekend flag, due by the end of Monday 6 July.
    expect(riskFlagDueBy('2026-07-03T23:30:00Z')).toBe('2026-07-07T00:00:00');
    expect(isRiskFlagOverdue('2026-07-03T23:30:00Z', new Date('2026-07-06T22:59:59Z'))).toBe(false);
    expect(isRiskFlagOverdue('2026-07-03T23:30:00Z', new Date('2026-07-06T23:00:00Z'))).toBe(true);
    // Monday 6 July 08:00 BST (07:00 UTC): due Tuesday 08:00 BST.
    expect(riskFlagDueBy('2026-07-06T07:00:00Z')).toBe('2026-07-07T08:00:00');
  });

  it('the next working day skips Saturday and Sunday', () => {
    expect(nextWorkingDay('2026-12-04')).toBe('2026-12-07');
    expect(nextWorkingDay('2026-12-06')).toBe('2026-12-07');
    expect(nextWorkingDay('2026-12-07')).toBe('2026-12-08');
  });
});
