import type { ReactNode } from 'react';
import { HintAndError } from '../../components/form-group';

/**
 * One cell of the plan table holding a control: its label is read by screen readers (the column
 * header and the action's number) but not shown, since the header says it; a field error shows in
 * the cell, wired to the control as a form group's would be.
 */
export function PlanCell({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <td className="nhsuk-table__cell">
      <div className={`ww-plan-cell${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-u-visually-hidden" htmlFor={id}>
          {label}
        </label>
        <HintAndError id={id} error={error} />
        {children(errorId)}
      </div>
    </td>
  );
}
