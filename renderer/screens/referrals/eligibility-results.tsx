import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { ReferralFacts } from './referral-facts';
import { ELIGIBILITY_RULE_LABELS, RULE_OUTCOME_TAGS } from './referral-labels';

/**
 * A referral against each eligibility rule the partnership has set: met, not met, or unknown when
 * the referral does not say (the pure evaluation in core/referrals/eligibility.ts, done by the services).
 */
export function EligibilityResults({ results }: { results: InboxEntry['eligibility'] }) {
  if (results.length === 0)
    return (
      <div className="ww-facts">
        <h3 className="ww-facts__title">Eligibility</h3>
        <p className="nhsuk-body-s">No eligibility rules are set. An administrator sets them in Settings.</p>
      </div>
    );
  return (
    <ReferralFacts
      title="Eligibility"
      testId="eligibility"
      rows={results.map((result) => {
        const tag = RULE_OUTCOME_TAGS[result.outcome];
        return [ELIGIBILITY_RULE_LABELS[result.rule], <strong className={tag.className}>{tag.label}</strong>] as const;
      })}
    />
  );
}
