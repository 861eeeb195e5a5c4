import type { AppServices } from '../../services/app-services';
import { value } from './demo-with-person';

/** A PHQ-9 with question 9 answered "more than half the days": raises a risk flag (the total is mild). */
export const PHQ9_WITH_RISK = [1, 1, 1, 1, 1, 1, 0, 0, 2] as const;

/** Records PHQ9_WITH_RISK for the person through the real services, as the coach's employment-support measure. */
export async function raiseRiskFlag(app: Pick<AppServices, 'dispatch'>, participantId: string): Promise<void> {
  value(
    await app.dispatch('measures.record', {
      participantId,
      discipline: 'employment_support',
      takenOn: '2026-11-05',
      response: { measure: 'phq9', answers: [...PHQ9_WITH_RISK] },
    }),
  );
}
