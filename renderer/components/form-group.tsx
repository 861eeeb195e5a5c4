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

/** The NHS form group's class: red bar and spacing while its field has an error. */
const formGroupClass = (error: string | undefined) => `nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`;

/** The ids of a field's hint and error (`<id>-hint`, `<id>-error`) for aria-describedby, or undefined when it has neither. */
function describedByOf(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return (
    [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter(Boolean).join(' ') || undefined
  );
}

/**
 * An NHS form group: label, hint and field-level error around one control, with the ids wired so a
 * screen reader reads the hint and the error with the control.
 */
export function FormGroup({ id, label, hint, error, children }: FormGroupProps) {
  return (
    <div className={formGroupClass(error)}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children(describedByOf(id, hint, error))}
    </div>
  );
}

export interface FieldsetGroupProps {
  /** The stem of the hint's and error's ids (`<id>-hint`, `<id>-error`). */
  readonly id: string;
  readonly legend: string;
  readonly legendClassName: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** 'group' where the fieldset holds the parts of one answer (the day, month and year of a date). */
  readonly role?: 'group' | undefined;
  readonly children: ReactNode;
}

/**
 * An NHS form group around a fieldset (radios, checkboxes, a date's three fields): the legend, then
 * the hint and field-level error, read by a screen reader with the fieldset through aria-describedby.
 */
export function FieldsetGroup({ id, legend, legendClassName, hint, error, role, children }: FieldsetGroupProps) {
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="nhsuk-fieldset" role={role} aria-describedby={describedByOf(id, hint, error)}>
        <legend className={legendClassName}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
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
