import type { EmployerView } from '../schemas/employer-view';
import type { WorkplaceAdjustmentsContent } from '../schemas/workplace-adjustments';
import { ADJUSTMENT_CATEGORY_LABELS, ADJUSTMENT_RECOMMENDATION_LABELS, ADJUSTMENT_STATUS_LABELS } from './adjustment-library';

export const EMPLOYER_VIEW_NOTICE =
  'This is advice from the WorkWell team, shared with the employee’s consent. It is not binding: please discuss it with them and agree what is reasonable.';

/**
 * Everything the services layer knows about the person when an employer view is asked for. The
 * record, plans and reports are deliberately typed as opaque: the builder must never read them,
 * and a test fills every string inside them with a canary to prove it does not.
 */
export interface EmployerViewSource {
  readonly person: {
    readonly givenName: string;
    readonly familyName: string;
    readonly employment: { readonly employerName: string | null };
  };
  readonly adjustments: WorkplaceAdjustmentsContent;
  readonly contact: { readonly name: string; readonly organisation: string; readonly phone: string | null; readonly email: string | null };
  /** The clinical rest of the case (assessments, measures, flags, plans, AHP reports...): never read. */
  readonly clinical?: unknown;
}

/**
 * Builds the employer view from an allow-list: each output field is copied from one named input
 * field, so a field added to the clinical record can never reach the employer by accident. The
 * team note on each adjustment is left out, and adjustments that have ended are not sent.
 */
export function buildEmployerView(source: EmployerViewSource): EmployerView {
  const running = source.adjustments.adjustments.filter((adjustment) => adjustment.status !== 'ended');
  const functionalNeeds = [...new Set(running.map((adjustment) => adjustment.functionalNeed))];
  const reviewDates = running.map((adjustment) => adjustment.reviewOn).sort();
  const schedule = source.adjustments.gradedReturn;
  return {
    employeeName: `${source.person.givenName} ${source.person.familyName}`,
    employerName: source.person.employment.employerName,
    functionalNeeds,
    adjustments: running.map((adjustment) => ({
      category: adjustment.category,
      categoryLabel: ADJUSTMENT_CATEGORY_LABELS[adjustment.category],
      recommendation:
        adjustment.recommendation === 'other'
          ? (adjustment.otherRecommendation ?? '')
          : ADJUSTMENT_RECOMMENDATION_LABELS[adjustment.recommendation],
      functionalNeed: adjustment.functionalNeed,
      startOn: adjustment.startOn,
      durationWeeks: adjustment.durationWeeks,
      reviewOn: adjustment.reviewOn,
      status: adjustment.status,
      statusLabel: ADJUSTMENT_STATUS_LABELS[adjustment.status],
    })),
    gradedReturn:
      schedule === null
        ? null
        : {
            startOn: schedule.startOn,
            contractedHoursPerWeek: source.adjustments.contractedHoursPerWeek,
            weeks: schedule.weeks.map((week, index) => ({
              weekNumber: index + 1,
              startsOn: week.startsOn,
              hours: week.hours,
              duties: week.duties,
            })),
          },
    reviewOn: reviewDates[0] ?? null,
    contact: {
      name: source.contact.name,
      organisation: source.contact.organisation,
      phone: source.contact.phone,
      email: source.contact.email,
    },
    notice: EMPLOYER_VIEW_NOTICE,
  };
}

/** The contact line an employer reads: name, organisation, and the phone and email where known. */
export function employerContactLine(contact: EmployerView['contact']): string {
  return [`${contact.name}, ${contact.organisation}`, contact.phone, contact.email]
    .filter((part) => part !== null && part !== '')
    .join(' · ');
}
