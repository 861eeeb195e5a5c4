import { useEffect, useState, type ReactNode } from 'react';
import { FieldsetGroup } from './form-group';
import { joinDateParts, splitDateValue, type DateParts } from '../../core/date-entry';

export interface DateInputProps {
  /** The day field's id, so the error summary's link for this field lands on the day. */
  readonly id: string;
  readonly label: string;
  /** Shown under the legend; null for none (a table cell whose column header already says what to type). */
  readonly hint?: string | null | undefined;
  /** Reads the legend to screen readers only, where a column header shows it (the plan table's due dates). */
  readonly legendHidden?: boolean;
  readonly error?: string | undefined;
  /** YYYY-MM-DD, '' when blank, or the parts as typed while they are not a real date (core/date-entry.ts). */
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  readonly disabled?: boolean;
  /** Shown after the three fields, inside the group: buttons that set the date ("+1 week"). */
  readonly after?: ReactNode;
}

const FIELDS = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
] as const;

/**
 * The NHS date input: day, month and year in their own numeric fields inside a fieldset, so the date
 * reads the same on every machine (a native date picker follows the browser's locale: 12/06/2026 for
 * 6 December on an American one). The contract's date schema says what is wrong with a date typed in part.
 */
export function DateInput({
  id,
  label,
  hint = 'For example, 6 12 2026',
  legendHidden = false,
  error,
  value,
  onValueChange,
  disabled,
  after,
}: DateInputProps) {
  const [parts, setParts] = useState<DateParts>(() => splitDateValue(value));
  // A new value from outside (a default, a reset, another field) replaces what is shown; a value this
  // input sent itself is already shown, and re-splitting it would drop a leading zero being typed.
  useEffect(() => {
    if (joinDateParts(parts) !== value) setParts(splitDateValue(value));
  }, [value]);
  const change = (part: keyof DateParts, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    onValueChange(joinDateParts(next));
  };
  return (
    <FieldsetGroup
      id={id}
      legend={label}
      legendClassName={legendHidden ? 'nhsuk-fieldset__legend nhsuk-u-visually-hidden' : 'nhsuk-fieldset__legend'}
      hint={hint ?? undefined}
      error={error}
      role="group"
    >
      <div className="nhsuk-date-input" id={`${id}-date`}>
        {FIELDS.map((field) => {
          const fieldId = field.part === 'day' ? id : `${id}-${field.part}`;
          return (
            <div className="nhsuk-date-input__item" key={field.part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={fieldId}>
                  {field.label}
                </label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${field.width}${error === undefined ? '' : ' nhsuk-input--error'}`}
                  id={fieldId}
                  name={fieldId}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={parts[field.part]}
                  disabled={disabled}
                  aria-invalid={error === undefined ? undefined : true}
                  onChange={(event) => change(field.part, event.target.value)}
                />
              </div>
            </div>
          );
        })}
      </div>
      {after}
    </FieldsetGroup>
  );
}
