import type { CaseComplexity } from '../../../core/schemas/meetings';

/** How complex a case looks: an open risk flag (red) and how many disciplines are involved. */
export function ComplexityTags({ complexity }: { complexity: CaseComplexity }) {
  return (
    <>
      {complexity.openRiskFlag && <strong className="nhsuk-tag nhsuk-tag--red">Risk flag</strong>}{' '}
      <span>
        {complexity.disciplineCount === 0
          ? 'No assessments yet'
          : `${complexity.disciplineCount} ${complexity.disciplineCount === 1 ? 'discipline' : 'disciplines'}`}
      </span>
    </>
  );
}
