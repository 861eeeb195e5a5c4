import type { SaveLibraryActionInput } from '../../core/schemas/config/action-library';

/**
 * The demo partnership's library of common actions, a few per discipline, as a team might start
 * one; each partnership edits its own in Settings, Action library. Synthetic wording.
 */
export const DEMO_ACTION_LIBRARY: ReadonlyArray<Omit<SaveLibraryActionInput, 'id' | 'version'>> = [
  {
    disciplineCode: 'physiotherapy',
    kind: 'intervention',
    description: 'Six physiotherapy sessions with a home exercise programme',
    dueAfter: 'one_month',
  },
  {
    disciplineCode: 'physiotherapy',
    kind: 'intervention',
    description: 'Musculoskeletal assessment and advice on activity at work',
    dueAfter: 'two_weeks',
  },
  {
    disciplineCode: 'mental_health',
    kind: 'intervention',
    description: 'Four sessions of guided self-help for low mood',
    dueAfter: 'one_month',
  },
  { disciplineCode: 'mental_health', kind: 'onward_referral', description: 'Refer to NHS Talking Therapies', dueAfter: 'one_week' },
  {
    disciplineCode: 'occupational_therapy',
    kind: 'intervention',
    description: 'Workplace assessment and a graded return plan',
    dueAfter: 'two_weeks',
  },
  {
    disciplineCode: 'occupational_therapy',
    kind: 'intervention',
    description: 'Fatigue and energy management sessions',
    dueAfter: 'one_month',
  },
  {
    disciplineCode: 'employment_support',
    kind: 'intervention',
    description: 'Contact the employer about adjustments (with consent)',
    dueAfter: 'one_week',
  },
  { disciplineCode: 'employment_support', kind: 'signpost', description: 'Signpost to free debt advice', dueAfter: 'one_week' },
];
