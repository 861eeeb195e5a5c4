import type { FhirExportData } from '../../core/fhir/export-data';

/** A complete synthetic person for the FHIR builders: every resource type appears. */
export function fullExportData(overrides: Partial<FhirExportData> = {}): FhirExportData {
  return {
    person: {
      id: 'p-1',
      reference: 'WW-000001',
      givenName: 'Alex',
      familyName: 'Example',
      dateOfBirth: '1980-04-02',
      nhsNumber: '9990000018',
      exitedOn: null,
      gpPractice: { odsCode: 'A81001', name: 'Example Street Surgery' },
      sex: 'female',
    },
    referrals: [{ id: 'r-1', date: '2026-10-01', route: 'gp' }],
    consent: { id: 'c-1', purpose: 'share_partnership', decidedOn: '2026-10-02', decision: 'given' },
    team: [
      { id: 'tm-1', fullName: 'Pat Physio', discipline: 'physiotherapy', disciplineLabel: 'Physiotherapy' },
      { id: 'tm-2', fullName: 'Sam Coach', discipline: 'employment_support', disciplineLabel: 'Employment support' },
    ],
    plan: {
      id: 'plan-1',
      versionNumber: 2,
      status: 'active',
      agreedAt: '2026-11-01T10:15:00.000Z',
      createdAt: '2026-10-28T09:00:00.000Z',
      reviewOn: '2026-12-15',
      goals: [{ id: 'g-1', text: 'Back to full shifts by February' }],
      actions: [
        {
          id: 'a-1',
          goalId: 'g-1',
          kind: 'intervention',
          discipline: 'physiotherapy',
          description: 'Six physio sessions',
          ownerId: 'tm-1',
          dueOn: '2026-12-01',
          service: null,
          status: 'in_progress',
        },
        {
          id: 'a-2',
          goalId: null,
          kind: 'onward_referral',
          discipline: 'employment_support',
          description: 'Debt advice',
          ownerId: 'tm-2',
          dueOn: '2026-11-20',
          service: { id: 's-1', name: 'Money Advice Example' },
          status: 'done',
        },
      ],
    },
    barriers: { assessmentId: 'as-1', assessedOn: '2026-10-05', mainBarrier: 'musculoskeletal', socialBarriers: ['debt', 'confidence'] },
    measures: [
      { id: 'm-1', measure: 'phq9', takenOn: '2026-10-05', total: 12 },
      { id: 'm-2', measure: 'gad7', takenOn: '2026-10-05', total: 9 },
    ],
    fitNote: {
      id: 'fn-1',
      issuedOn: '2026-11-02',
      periodFrom: '2026-11-02',
      periodTo: '2026-12-14',
      fitness: 'may_be_fit',
      categories: ['phased_return', 'altered_hours'],
      reviewNeeded: true,
      issuerSetting: 'gp_practice',
      issuerProfession: 'doctor',
      issuerName: 'Dr Example',
      fromConversation: true,
      replacesId: null,
    },
    ...overrides,
  };
}
