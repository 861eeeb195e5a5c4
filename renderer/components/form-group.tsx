import type { ReactNode } from 'react';

export interface FormGroupProps {
  /** The id of the control the label points at. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** Renders the control, given the ids it must reference in aria-describedby. */
  readonly children: (describedBy: string | undefined) => ReactNode;
}

/**
 * An NHS form group: label, hint and field-level error around one control, with the ids wired so a
 * screen reader reads the hint and the error with the control.
 */
export function FormGroup({ id, label, hint, error, children }: FormGroupProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children(describedBy)}
    </div>
  );
}

/** A field's hint (`<id>-hint`) and error message (`<id>-error`), in the order the NHS design system shows them. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error !== undefined && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
    </>
  );
}
