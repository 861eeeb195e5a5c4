import type { AdjustmentRecommendation } from './adjustment-library';

/**
 * What a DWP Access to Work grant can pay for. The employer's own reasonable adjustments come
 * first; Access to Work funds help beyond them.
 */
export const ACCESS_TO_WORK_SUPPORT = [
  'equipment',
  'adaptations',
  'software',
  'travel',
  'support_worker',
  'communication_support',
  'mental_health_support',
] as const;
export type AccessToWorkSupport = (typeof ACCESS_TO_WORK_SUPPORT)[number];
export const ACCESS_TO_WORK_SUPPORT_LABELS: Readonly<Record<AccessToWorkSupport, string>> = {
  equipment: 'special equipment',
  adaptations: 'adaptations to premises or equipment',
  software: 'specialist software',
  travel: 'help with the cost of travel to work',
  support_worker: 'a support worker',
  communication_support: 'communication support',
  mental_health_support: 'the Mental Health Support Service',
};

/**
 * The kinds of Access to Work help a recommendation may attract. Empty for adjustments the
 * employer makes alone (hours, duties, breaks, written instructions, check-ins) and for
 * recommendations that are not adjustments themselves (an occupational health referral).
 */
const FUNDED_BY_RECOMMENDATION: Readonly<Record<AdjustmentRecommendation, readonly AccessToWorkSupport[]>> = {
  graded_hours: [],
  flexible_start: [],
  extra_breaks: [],
  home_working: ['equipment', 'software'],
  no_lifting: [],
  // Someone who cannot drive to work may get help with taxis to and from it.
  no_driving: ['travel'],
  ground_floor_workstation: ['adaptations'],
  dse_assessment: ['equipment'],
  assistive_technology: ['equipment', 'software'],
  written_instructions: [],
  manager_check_ins: [],
  access_to_work_application: [
    'equipment',
    'adaptations',
    'software',
    'travel',
    'support_worker',
    'communication_support',
    'mental_health_support',
  ],
  occupational_health_referral: [],
  other: [],
};

/** The Access to Work help a recommendation may attract, empty when it funds none. */
export function accessToWorkSupportFor(recommendation: AdjustmentRecommendation): readonly AccessToWorkSupport[] {
  return FUNDED_BY_RECOMMENDATION[recommendation];
}

/** Whether Access to Work may fund a recommendation, so the UI can prompt an application. */
export function isAccessToWorkEligible(recommendation: AdjustmentRecommendation): boolean {
  return FUNDED_BY_RECOMMENDATION[recommendation].length > 0;
}
