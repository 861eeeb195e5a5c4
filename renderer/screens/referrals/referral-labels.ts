import type { EligibilityRule, RuleOutcome } from '../../../core/referrals/eligibility';
import type { ReferralSource } from '../../../core/referrals/inbox-referral';

/** Each eligibility rule as the inbox and the settings name it. */
export const ELIGIBILITY_RULE_LABELS: Readonly<Record<EligibilityRule, string>> = {
  work_status: 'Work status',
  time_out_of_work: 'Time out of work',
  area: 'Lives or works in the area',
  age: 'Age',
};

/** A rule's result in words, with the NHS tag colour that carries it (never colour alone: the words say it). */
export const RULE_OUTCOME_TAGS: Readonly<Record<RuleOutcome, { readonly label: string; readonly className: string }>> = {
  met: { label: 'Met', className: 'nhsuk-tag nhsuk-tag--green' },
  not_met: { label: 'Not met', className: 'nhsuk-tag nhsuk-tag--red' },
  unknown: { label: 'Unknown', className: 'nhsuk-tag nhsuk-tag--grey' },
};

const SOURCE_LABELS: Readonly<Record<ReferralSource, string>> = {
  manual: 'Typed in the app',
  csv: 'CSV file',
  fhir: 'FHIR bundle (file)',
  'public-form': 'Public referral form',
  'fhir-post': 'FHIR, sent to the partnership server',
};

/** Where a referral came in from, in words; a source this version does not know is shown as it is stored. */
export function referralSourceLabel(source: string): string {
  return (SOURCE_LABELS as Readonly<Record<string, string>>)[source] ?? source;
}
