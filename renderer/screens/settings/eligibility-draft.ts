import { eligibilityRulesSchema, type EligibilityRules } from '../../../core/referrals/eligibility';
import { inputProblems } from '../../../core/field-errors';
import { EMPLOYMENT_STATUSES } from '../../../core/schemas/referral';

type WorkStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** The rules as typed: numbers as text, districts as one line, so what was typed stays while it is wrong. */
export interface Draft {
  readonly workStatuses: WorkStatus[];
  readonly maxWeeksOutOfWork: string;
  readonly areaOutwardCodes: string;
  readonly minAge: string;
  readonly maxAge: string;
}

/** The field each rule's messages belong to (a district's message, `areaOutwardCodes.3`, goes to the districts box). */
export const FIELD_IDS: Readonly<Record<string, string>> = {
  workStatuses: `eligibility-workStatuses-${EMPLOYMENT_STATUSES[0]}`,
  maxWeeksOutOfWork: 'eligibility-maxWeeksOutOfWork',
  areaOutwardCodes: 'eligibility-areaOutwardCodes',
  minAge: 'eligibility-minAge',
  maxAge: 'eligibility-maxAge',
};
export /** A server or schema path (`rules.areaOutwardCodes.2`) as the id of the field it belongs to. */
const fieldIdFor = (path: string): string => FIELD_IDS[path.replace(/^rules\./, '').split('.')[0] ?? ''] ?? path;

const asText = (value: number | null) => (value === null ? '' : String(value));
/** Blank is "no rule"; anything else goes to the schema as a number, which names a bad one at its field. */
const asNumber = (text: string) => (text.trim() === '' ? null : /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The form's starting values: the rules saved (none set is all blank). */
export function draftOf(rules: EligibilityRules): Draft {
  return {
    workStatuses: rules.workStatuses ?? [],
    maxWeeksOutOfWork: asText(rules.maxWeeksOutOfWork),
    areaOutwardCodes: (rules.areaOutwardCodes ?? []).join(', '),
    minAge: asText(rules.minAge),
    maxAge: asText(rules.maxAge),
  };
}

/** The rules the draft means, checked by the same schema as the services (`draftProblems`). */
export function rulesOf(draft: Draft) {
  const districts = draft.areaOutwardCodes.split(/[\s,;]+/).filter((code) => code !== '');
  return {
    // No status ticked takes every status: an empty list would turn everyone away, which no partnership means.
    workStatuses: draft.workStatuses.length === 0 ? null : draft.workStatuses,
    maxWeeksOutOfWork: asNumber(draft.maxWeeksOutOfWork),
    areaOutwardCodes: districts.length === 0 ? null : districts,
    minAge: asNumber(draft.minAge),
    maxAge: asNumber(draft.maxAge),
  };
}

/** Field-level messages for the draft, keyed by field id, from the schema the services check with; none when it can be saved. */
export function draftProblems(draft: Draft): Record<string, string> {
  const problems = inputProblems(eligibilityRulesSchema, rulesOf(draft));
  return Object.fromEntries(Object.entries(problems).map(([path, message]) => [fieldIdFor(path), message]));
}
