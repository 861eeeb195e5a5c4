import type { JoinedUpAssessment } from '../../../core/schemas/assessment';

/** The person's goals and what matters to them, as they said them, set apart as a quotation. */
export function OwnWordsQuote({
  assessment,
  className,
}: {
  assessment: Pick<JoinedUpAssessment, 'goals' | 'whatMatters'>;
  className?: string;
}) {
  return (
    <blockquote className={`ww-quote${className === undefined ? '' : ` ${className}`}`}>
      <p>
        <span className="ww-quote__label">Goals: </span>
        {assessment.goals}
      </p>
      <p>
        <span className="ww-quote__label">What matters: </span>
        {assessment.whatMatters}
      </p>
    </blockquote>
  );
}
