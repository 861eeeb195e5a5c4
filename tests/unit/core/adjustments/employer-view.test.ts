import { describe, expect, it } from 'vitest';
import { buildEmployerView, type EmployerViewSource } from '../../../../core/adjustments/employer-view';
import { employerViewSchema } from '../../../../core/schemas/employer-view';
import type { WorkplaceAdjustmentsContent } from '../../../../core/schemas/workplace-adjustments';

/** A made-up diagnosis that must never reach an employer. */
const CANARY = 'CANARY-DX lumbar radiculopathy with PHQ-9 of 21';

/**
 * A person's whole case as the services layer holds it: details, work, referral, the joined-up
 * assessment, discipline assessments, measures, risk flags, plans and AHP reports.
 */
function clinicalCase() {
  return {
    person: {
      id: 'p1',
      reference: 'WW-000001',
      status: 'active',
      givenName: 'Robin',
      familyName: 'Synthetica',
      dateOfBirth: '1984-03-02',
      nhsNumber: '9990000018',
      phone: '0114 496 0000',
      email: 'robin@example.org',
      address: '1 Example Street',
      preferredContactMode: 'phone',
      employment: {
        status: 'off_sick',
        employerName: 'Example Foods Ltd',
        employerSize: 'large',
        employerContact: 'HR, hr@example.org',
        mayContactEmployer: true,
        jobTitle: 'Warehouse operative',
        physicalDemands: 'Lifting crates',
        cognitiveDemands: 'Stock counts',
      },
      coach: { userId: 'u1', displayName: 'Sam Okafor-Reid' },
      referrals: [
        {
          id: 'r1',
          date: '2026-11-01',
          route: 'gp',
          referrerName: 'Dr A',
          referrerOrganisation: 'Surgery',
          reason: 'Back pain',
          recordedBy: 'u1',
          recordedAt: 'x',
        },
      ],
      consents: [
        {
          id: 'c1',
          purpose: 'share_employer',
          decision: 'given',
          date: '2026-11-02',
          method: 'verbal',
          recordedBy: 'u1',
          recordedAt: 'x',
          withdrawnOn: null,
          withdrawnBy: null,
        },
      ],
      joinedUpAssessment: {
        id: 'a1',
        version: 1,
        status: 'signed',
        authorId: 'u1',
        authorName: 'Sam',
        recordedAt: 'x',
        signedAt: 'x',
        signedByName: 'Sam',
        amendment: { amendsId: 'a0', reason: 'typo' },
        assessedOn: '2026-11-05',
        healthConditions: 'Back pain',
        mainBarrier: 'musculoskeletal',
        socialBarriers: ['debt'],
        whatMatters: 'My job',
        goals: 'Full shifts',
        readiness: 'ready',
        canDoNow: 'Walk',
        earlierVersions: [{ healthConditions: 'Back pain (original)', whatMatters: 'x', goals: 'y', canDoNow: 'z' }],
      },
      disciplineAssessments: [
        {
          id: 'd1',
          discipline: 'occupational_therapy',
          assessedOn: '2026-11-10',
          findings: 'Findings',
          workImpact: 'Impact',
          recommendations: 'Recommendations',
          earlierVersions: [{ findings: 'Old findings' }],
        },
        {
          id: 'd2',
          discipline: 'mental_health',
          assessedOn: '2026-11-11',
          findings: 'Low mood',
          workImpact: 'Concentration',
          recommendations: 'CBT',
          earlierVersions: [],
        },
      ],
      measures: [
        {
          id: 'm1',
          measure: 'phq9',
          discipline: 'mental_health',
          takenOn: '2026-11-11',
          total: 21,
          bandLabel: 'Severe',
          riskFlag: true,
          recordedBy: 'u2',
        },
      ],
      openRiskFlags: [{ id: 'f1', reason: 'PHQ-9 item 9', raisedAt: 'x', raisedOn: '2026-11-11' }],
      currentConsent: { share_employer: { id: 'c1', decision: 'given' } },
    },
    clinical: {
      plans: {
        versions: [
          {
            id: 'plan1',
            goals: [{ id: 'g1', text: 'Goal' }],
            actions: [{ id: 'x1', description: 'Six sessions', discipline: 'physiotherapy' }],
            progress: [{ actionId: 'x1', note: 'Progress note' }],
          },
        ],
        reviews: [{ id: 'rv1', note: 'Review note' }],
        exit: null,
      },
      ahpReports: [
        {
          id: 'ahp1',
          difficulties: [{ id: 'df1', difficulty: 'Difficulty', recommendation: 'Rec', goal: 'Goal' }],
          organisation: 'Org',
          practitioner: { name: 'Aisha Brennan', hcpcNumber: 'OT99903' },
        },
      ],
      riskFlagAcknowledgements: [{ note: 'Safety plan agreed' }],
    },
  };
}

const ADJUSTMENTS: WorkplaceAdjustmentsContent = {
  contractedHoursPerWeek: 37.5,
  adjustments: [
    {
      id: 'adj1',
      category: 'phased_return',
      recommendation: 'graded_hours',
      otherRecommendation: null,
      functionalNeed: 'Build up stamina over four weeks',
      startOn: '2026-12-07',
      durationWeeks: 4,
      reviewOn: '2027-01-04',
      status: 'proposed',
      teamNote: 'Team note',
    },
    {
      id: 'adj2',
      category: 'amended_duties',
      recommendation: 'no_lifting',
      otherRecommendation: null,
      functionalNeed: 'Avoid lifting over 5 kg',
      startOn: '2026-12-07',
      durationWeeks: 8,
      reviewOn: '2026-12-21',
      status: 'agreed_with_employer',
      teamNote: 'Team note',
    },
    {
      id: 'adj3',
      category: 'workplace_adaptations',
      recommendation: 'other',
      otherRecommendation: 'A perching stool',
      functionalNeed: 'Avoid lifting over 5 kg',
      startOn: '2026-11-01',
      durationWeeks: 2,
      reviewOn: '2026-11-15',
      status: 'ended',
      teamNote: null,
    },
  ],
  gradedReturn: {
    startOn: '2026-12-07',
    weeks: [
      { startsOn: '2026-12-07', hours: 15, duties: 'Stock counts only' },
      { startsOn: '2026-12-14', hours: 22.5, duties: 'Stock counts and packing' },
    ],
  },
};

/** Every string anywhere in `value` replaced by the canary, except the allow-listed paths. */
function canaryEverywhere(value: unknown, path: string, keep: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return keep.has(path) ? value : `${CANARY} (${path})`;
  if (Array.isArray(value)) return value.map((item, index) => canaryEverywhere(item, `${path}.${index}`, keep));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, canaryEverywhere(field, path === '' ? key : `${path}.${key}`, keep)]),
    );
  return value;
}

const ALLOWED_PERSON_FIELDS = new Set(['givenName', 'familyName', 'employment.employerName']);

function sourceWithCanaries(): EmployerViewSource {
  const whole = clinicalCase();
  return {
    person: canaryEverywhere(whole.person, '', ALLOWED_PERSON_FIELDS) as EmployerViewSource['person'],
    clinical: canaryEverywhere(whole.clinical, '', new Set()),
    adjustments: { ...ADJUSTMENTS, adjustments: ADJUSTMENTS.adjustments.map((adjustment) => ({ ...adjustment, teamNote: CANARY })) },
    contact: {
      name: 'Aisha Brennan',
      organisation: 'South Yorkshire WorkWell',
      phone: '0114 496 0000',
      email: 'aisha.brennan@example.nhs.uk',
    },
  };
}

describe('the employer view is built from an allow-list', () => {
  it('never carries a canary diagnosis put into every clinical field of the case', () => {
    const source = sourceWithCanaries();
    // The canary really is in the source, in every clinical field, so the check below can fail.
    expect(JSON.stringify(source).split(CANARY).length - 1).toBeGreaterThan(60);
    const serialized = JSON.stringify(buildEmployerView(source));
    expect(serialized).not.toContain('CANARY');
    expect(serialized).not.toContain('radiculopathy');
    expect(serialized).not.toContain('PHQ');
  });

  it('shows the canary when it is typed into an allow-listed field (the check can fail)', () => {
    const source = sourceWithCanaries();
    const leaky = {
      ...source,
      adjustments: { ...source.adjustments, adjustments: [{ ...ADJUSTMENTS.adjustments[0]!, functionalNeed: CANARY }] },
    };
    expect(JSON.stringify(buildEmployerView(leaky))).toContain(CANARY);
  });

  it('holds the functional needs, running adjustments, schedule, review date and contact, and nothing else', () => {
    const view = buildEmployerView(sourceWithCanaries());
    expect(employerViewSchema.parse(view)).toEqual(view);
    expect(Object.keys(view).sort()).toEqual([
      'adjustments',
      'contact',
      'employeeName',
      'employerName',
      'functionalNeeds',
      'gradedReturn',
      'notice',
      'reviewOn',
    ]);
    expect(view.employeeName).toBe('Robin Synthetica');
    expect(view.employerName).toBe('Example Foods Ltd');
    expect(view.functionalNeeds).toEqual(['Build up stamina over four weeks', 'Avoid lifting over 5 kg']);
    expect(
      view.adjustments.map((adjustment) => `${adjustment.categoryLabel}: ${adjustment.recommendation} (${adjustment.statusLabel})`),
    ).toEqual([
      'Phased return to work: Graded hours (a week-by-week schedule) (Proposed)',
      'Amended duties: No lifting (Agreed with the employer)',
    ]);
    expect(view.gradedReturn?.weeks).toEqual([
      { weekNumber: 1, startsOn: '2026-12-07', hours: 15, duties: 'Stock counts only' },
      { weekNumber: 2, startsOn: '2026-12-14', hours: 22.5, duties: 'Stock counts and packing' },
    ]);
    expect(view.gradedReturn?.contractedHoursPerWeek).toBe(37.5);
    expect(view.reviewOn).toBe('2026-12-21');
    expect(view.contact).toEqual({
      name: 'Aisha Brennan',
      organisation: 'South Yorkshire WorkWell',
      phone: '0114 496 0000',
      email: 'aisha.brennan@example.nhs.uk',
    });
  });

  it('uses the practitioner’s own words for a recommendation outside the library', () => {
    const source = sourceWithCanaries();
    const view = buildEmployerView({
      ...source,
      adjustments: { ...source.adjustments, adjustments: [{ ...ADJUSTMENTS.adjustments[2]!, status: 'in_place' }] },
    });
    expect(view.adjustments[0]?.recommendation).toBe('A perching stool');
  });

  it('has no schedule and no review date when there are none', () => {
    const view = buildEmployerView({
      ...sourceWithCanaries(),
      adjustments: { contractedHoursPerWeek: null, adjustments: [], gradedReturn: null },
    });
    expect(view.gradedReturn).toBeNull();
    expect(view.reviewOn).toBeNull();
    expect(view.functionalNeeds).toEqual([]);
  });

  it('refuses, at the schema, an output that carries any field outside the allow-list', () => {
    const view = buildEmployerView(sourceWithCanaries());
    expect(employerViewSchema.safeParse({ ...view, healthConditions: CANARY }).success).toBe(false);
    expect(employerViewSchema.safeParse({ ...view, adjustments: [{ ...view.adjustments[0], teamNote: CANARY }] }).success).toBe(false);
  });
});
