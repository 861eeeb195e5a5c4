import { describe, expect, it } from 'vitest';
import { describeRetentionRule, isRuleDue, retentionReviewDueOn, retentionRuleFor } from '../../../core/retention';

describe('retention rules', () => {
  it('an adult health record is due 8 years after the date it counts from, 29 February included', () => {
    expect(retentionReviewDueOn('2026-11-22')).toBe('2034-11-22');
    expect(retentionReviewDueOn('2024-02-29')).toBe('2032-02-29');
    expect(retentionReviewDueOn('2092-02-29')).toBe('2100-02-28');
    const rule = retentionRuleFor('adult_health', '2026-11-22', '2026-11-01');
    expect(isRuleDue(rule, '2034-11-21')).toBe(false);
    expect(isRuleDue(rule, '2034-11-22')).toBe(true);
  });

  it('a person who never exits is due 8 years after the last contact', () => {
    const rule = retentionRuleFor('adult_health', null, '2026-03-03T09:15:00.000Z');
    expect(rule).toMatchObject({ countsFrom: '2026-03-03', fromExit: false, reviewDueOn: '2034-03-03' });
    expect(describeRetentionRule(rule)).toBe('Adult health record: 8 years after last contact on 3 March 2026');
  });

  it('a mental health record is not due at 8 years but at 20', () => {
    const rule = retentionRuleFor('mental_health', null, '2026-03-03');
    expect(isRuleDue(rule, '2034-03-03')).toBe(false);
    expect(isRuleDue(rule, '2046-03-02')).toBe(false);
    expect(isRuleDue(rule, '2046-03-03')).toBe(true);
    expect(describeRetentionRule(rule)).toBe('Mental health record: 20 years after last contact on 3 March 2026');
  });

  it('an exited person counts from the later of exit and last contact', () => {
    // Contact after the exit (a late meeting listing, a follow-up measure) restarts the period: deleting
    // it 8 years after the exit would delete care that is younger than 8 years.
    const lateContact = retentionRuleFor('adult_health', '2026-01-10', '2026-06-01');
    expect(lateContact).toMatchObject({ countsFrom: '2026-06-01', fromExit: false, reviewDueOn: '2034-06-01' });
    const exitLast = retentionRuleFor('mental_health', '2026-06-01', '2026-01-10');
    expect(exitLast).toMatchObject({ countsFrom: '2026-06-01', fromExit: true, reviewDueOn: '2046-06-01' });
    expect(describeRetentionRule(exitLast)).toBe('Mental health record: 20 years after leaving the service on 1 June 2026');
  });
});
