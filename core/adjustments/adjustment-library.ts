/**
 * The vocabulary of workplace adjustments: the four fit-note "may be fit for work" categories and
 * the library of typical occupational therapy recommendations. Codes are stored; labels are shown.
 */

/** The fit note (Med3) and AHP Health and Work Report categories. */
export const ADJUSTMENT_CATEGORIES = ['phased_return', 'altered_hours', 'amended_duties', 'workplace_adaptations'] as const;
export type AdjustmentCategory = (typeof ADJUSTMENT_CATEGORIES)[number];
export const ADJUSTMENT_CATEGORY_LABELS: Readonly<Record<AdjustmentCategory, string>> = {
  phased_return: 'Phased return to work',
  altered_hours: 'Altered hours',
  amended_duties: 'Amended duties',
  workplace_adaptations: 'Workplace adaptations',
};

/** Typical recommendations, plus `other` for the practitioner's own wording. */
export const ADJUSTMENT_RECOMMENDATIONS = [
  'graded_hours',
  'flexible_start',
  'extra_breaks',
  'home_working',
  'no_lifting',
  'no_driving',
  'ground_floor_workstation',
  'dse_assessment',
  'assistive_technology',
  'written_instructions',
  'manager_check_ins',
  'access_to_work_application',
  'occupational_health_referral',
  'other',
] as const;
export type AdjustmentRecommendation = (typeof ADJUSTMENT_RECOMMENDATIONS)[number];

export const ADJUSTMENT_RECOMMENDATION_LABELS: Readonly<Record<AdjustmentRecommendation, string>> = {
  graded_hours: 'Graded hours (a week-by-week schedule)',
  flexible_start: 'Flexible start and finish times',
  extra_breaks: 'Extra breaks and changes of position',
  home_working: 'Working from home',
  no_lifting: 'No lifting',
  no_driving: 'No driving',
  ground_floor_workstation: 'Ground-floor workstation',
  dse_assessment: 'Display screen equipment (DSE) or ergonomic assessment',
  assistive_technology: 'Assistive technology',
  written_instructions: 'Instructions in writing',
  manager_check_ins: 'Regular check-ins with their manager',
  access_to_work_application: 'Access to Work application',
  occupational_health_referral: 'Occupational health referral',
  other: 'Something else (describe it)',
};

/** The category a library recommendation usually belongs to, so picking one can suggest it. */
export const RECOMMENDATION_DEFAULT_CATEGORY: Readonly<Record<Exclude<AdjustmentRecommendation, 'other'>, AdjustmentCategory>> = {
  graded_hours: 'phased_return',
  flexible_start: 'altered_hours',
  extra_breaks: 'amended_duties',
  home_working: 'workplace_adaptations',
  no_lifting: 'amended_duties',
  no_driving: 'amended_duties',
  ground_floor_workstation: 'workplace_adaptations',
  dse_assessment: 'workplace_adaptations',
  assistive_technology: 'workplace_adaptations',
  written_instructions: 'amended_duties',
  manager_check_ins: 'amended_duties',
  access_to_work_application: 'workplace_adaptations',
  occupational_health_referral: 'amended_duties',
};

/** Where an adjustment stands with the employer. */
export const ADJUSTMENT_STATUSES = ['proposed', 'agreed_with_employer', 'in_place', 'ended'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];
export const ADJUSTMENT_STATUS_LABELS: Readonly<Record<AdjustmentStatus, string>> = {
  proposed: 'Proposed',
  agreed_with_employer: 'Agreed with the employer',
  in_place: 'In place',
  ended: 'Ended',
};
