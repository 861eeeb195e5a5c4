import { useCallback } from 'react';
import type { EligibilityRules } from '../../../core/referrals/eligibility';
import { EMPLOYMENT_STATUS_LABELS } from '../../../core/schemas/referral';
import { useApi } from '../../api/api-context';
import { useLoaded } from '../../use-loaded';
import { ELIGIBILITY_RULE_LABELS } from './referral-labels';

function ageRange(minAge: number | null, maxAge: number | null): string | undefined {
  if (minAge !== null && maxAge !== null) return `${minAge} to ${maxAge}`;
  if (minAge !== null) return `${minAge} or older`;
  if (maxAge !== null) return `${maxAge} or younger`;
  return undefined;
}

/** Each rule the partnership has set, in words, so "Not met" on a card can be read against it. */
export function describeRules(rules: EligibilityRules): Array<readonly [string, string]> {
  const described: Array<readonly [string, string | undefined]> = [
    [ELIGIBILITY_RULE_LABELS.work_status, rules.workStatuses?.map((status) => EMPLOYMENT_STATUS_LABELS[status]).join('; ')],
    [
      ELIGIBILITY_RULE_LABELS.time_out_of_work,
      rules.maxWeeksOutOfWork === null ? undefined : `out of work ${rules.maxWeeksOutOfWork} weeks or less`,
    ],
    [ELIGIBILITY_RULE_LABELS.area, rules.areaOutwardCodes?.join(', ')],
    [ELIGIBILITY_RULE_LABELS.age, ageRange(rules.minAge, rules.maxAge)],
  ];
  return described.filter((rule): rule is readonly [string, string] => rule[1] !== undefined);
}

/** The partnership's eligibility rules beside the inbox (set by administrators in Settings). */
export function EligibilityRulesSummary() {
  const api = useApi();
  const { value } = useLoaded(useCallback(() => api.call('config.eligibility', {}), [api]));
  if (value === undefined) return null;
  const rules = describeRules(value.rules);
  return (
    <>
      <h2 className="nhsuk-heading-s">Eligibility rules</h2>
      {rules.length === 0 ? (
        <p className="nhsuk-body-s">None set. An administrator sets them in Settings.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-body-s" data-testid="eligibility-rules">
          {rules.map(([label, rule]) => (
            <li key={label}>
              <strong>{label}:</strong> {rule}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
