import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useLoaded } from '../../use-loaded';

/** The person's goals as they said them (one per line of the joined-up assessment), or none. */
export function usePersonGoals(participantId: string): string[] {
  const api = useApi();
  const record = useLoaded(useCallback(() => api.call('participants.get', { id: participantId }), [api, participantId]));
  const person = record.value;
  if (person === undefined || person.clinicalWithheld || person.joinedUpAssessment === null) return [];
  return person.joinedUpAssessment.goals
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * One button per goal the person gave in their joined-up assessment, already on screen in the
 * case summary: a press starts a plan goal from their own words, to be trimmed if need be.
 */
export function GoalsFromWords({
  goals,
  used,
  onUse,
}: {
  goals: readonly string[];
  used: ReadonlySet<string>;
  onUse: (text: string) => void;
}) {
  const unused = goals.filter((goal) => !used.has(goal));
  if (unused.length === 0) return null;
  return (
    <div className="ww-goal-words">
      {unused.map((goal) => (
        <button key={goal} type="button" className="nhsuk-button nhsuk-button--secondary ww-goal-words__use" onClick={() => onUse(goal)}>
          Use their words as a goal: “{goal.length > 80 ? `${goal.slice(0, 80)}…` : goal}”
        </button>
      ))}
    </div>
  );
}
