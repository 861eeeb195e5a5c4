import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { eligibilityRulesSchema } from '../../../core/referrals/eligibility';
import { DecidedElsewhere } from '../../../renderer/screens/referrals/decided-elsewhere';
import { describeRules } from '../../../renderer/screens/referrals/eligibility-rules-summary';
import { EligibilityResults } from '../../../renderer/screens/referrals/eligibility-results';
import { draftOf, draftProblems, rulesOf } from '../../../renderer/screens/settings/eligibility-draft';

const BLANK = draftOf(eligibilityRulesSchema.parse({}));

describe('the eligibility rules form (issue 20, item 3)', () => {
  it('reads blank rules as not set, and districts typed with commas or spaces as a list', () => {
    expect(rulesOf(BLANK)).toEqual({ workStatuses: null, maxWeeksOutOfWork: null, areaOutwardCodes: null, minAge: null, maxAge: null });
    const rules = rulesOf({ ...BLANK, areaOutwardCodes: ' s1, S10  LS6;', minAge: '18', maxAge: ' 65 ' });
    expect(rules).toMatchObject({ areaOutwardCodes: ['s1', 'S10', 'LS6'], minAge: 18, maxAge: 65 });
    expect(eligibilityRulesSchema.parse(rules).areaOutwardCodes).toEqual(['S1', 'S10', 'LS6']);
    expect(draftProblems({ ...BLANK, areaOutwardCodes: 'S1, S10', minAge: '18', maxAge: '65' })).toEqual({});
    // Saved rules come back into the form as they were typed.
    expect(draftOf(eligibilityRulesSchema.parse(rules))).toMatchObject({ areaOutwardCodes: 'S1, S10, LS6', minAge: '18', maxAge: '65' });
  });

  it('names each wrong value at its own field, in words, and keeps what was typed', () => {
    const problems = draftProblems({ ...BLANK, maxWeeksOutOfWork: 'six', areaOutwardCodes: 'S1, nowhere', minAge: '12', maxAge: 'sixty' });
    expect(problems).toEqual({
      'eligibility-maxWeeksOutOfWork': 'Enter the weeks as a whole number, like 26',
      'eligibility-areaOutwardCodes': 'Enter postcode districts like S1 or LS10',
      'eligibility-minAge': 'Enter the youngest age as a whole number from 16 to 100',
      'eligibility-maxAge': 'Enter the oldest age as a whole number from 16 to 100',
    });
    expect(draftProblems({ ...BLANK, minAge: '70', maxAge: '30' })).toEqual({
      'eligibility-maxAge': 'The youngest age must not be above the oldest',
    });
  });
});

describe('the referral inbox parts (issue 20, items 1 and 3)', () => {
  it('shows each rule set with its result in words, and says when no rules are set', () => {
    const html = renderToStaticMarkup(
      <EligibilityResults
        results={[
          { rule: 'work_status', outcome: 'not_met' },
          { rule: 'area', outcome: 'unknown' },
          { rule: 'age', outcome: 'met' },
        ]}
      />,
    );
    expect(html).toContain('<dt>Work status</dt><dd><strong class="nhsuk-tag nhsuk-tag--red">Not met</strong></dd>');
    expect(html).toContain('<dt>Lives or works in the area</dt><dd><strong class="nhsuk-tag nhsuk-tag--grey">Unknown</strong></dd>');
    expect(html).toContain('<dt>Age</dt><dd><strong class="nhsuk-tag nhsuk-tag--green">Met</strong></dd>');
    expect(renderToStaticMarkup(<EligibilityResults results={[]} />)).toContain('No eligibility rules are set');
  });

  it('describes the partnership’s rules in words, leaving out those not set', () => {
    const rules = eligibilityRulesSchema.parse({ workStatuses: ['in_work', 'off_sick_fit_note'], minAge: 18, areaOutwardCodes: ['S1'] });
    expect(describeRules(rules)).toEqual([
      ['Work status', 'In work; Off sick, with a fit note'],
      ['Lives or works in the area', 'S1'],
      ['Age', '18 or older'],
    ]);
    expect(describeRules(eligibilityRulesSchema.parse({}))).toEqual([]);
  });

  it('explains a decision someone else made first only when a decision was refused', () => {
    expect(renderToStaticMarkup(<DecidedElsewhere message={undefined} onReload={() => undefined} />)).toBe('');
    const html = renderToStaticMarkup(<DecidedElsewhere message="Someone else decided this referral" onReload={() => undefined} />);
    expect(html).toContain('your decision was not saved and nothing changed: their decision stands');
    expect(html).toContain('Show the inbox as it is now');
  });
});
