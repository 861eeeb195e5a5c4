import { EMPLOYMENT_OUTCOME_LABELS } from '../../../core/schemas/action-plan';
import { PARTICIPANT_STATUS_LABELS, type ParticipantStatus } from '../../../core/schemas/participants';
import { REFERRAL_ROUTE_LABELS, REFERRAL_ROUTES } from '../../../core/schemas/referral';

/** Short names of the main barriers, to fit a chart's row labels (the assessment form has the long ones). */
const BARRIER_LABELS: Readonly<Record<string, string>> = {
  musculoskeletal: 'Musculoskeletal',
  mental_health: 'Mental health',
  other_physical: 'Other physical',
  long_term_condition: 'Long-term condition',
  other: 'Something else',
};

const MEASURE_LABELS: Readonly<Record<string, string>> = { phq9: 'PHQ-9', gad7: 'GAD-7', wsas: 'WSAS' };

/** A code's label, or the code itself should a newer one reach an older screen; `not_recorded` reads as such. */
function labelFrom(labels: Readonly<Record<string, string>>) {
  return (code: string) => (code === 'not_recorded' ? 'Not recorded' : (labels[code] ?? code));
}

export const routeLabel = labelFrom(REFERRAL_ROUTE_LABELS);
export const barrierLabel = labelFrom(BARRIER_LABELS);
export const outcomeLabel = labelFrom(EMPLOYMENT_OUTCOME_LABELS);
export const measureLabel = labelFrom(MEASURE_LABELS);
export const statusLabel = (status: string) => PARTICIPANT_STATUS_LABELS[status as ParticipantStatus] ?? status;

/** Codes in their usual order (routes as the referral form lists them), any others after, alphabetically. */
export function inOrder(codes: Iterable<string>, order: readonly string[] = REFERRAL_ROUTES): string[] {
  const unique = [...new Set(codes)];
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return unique.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
