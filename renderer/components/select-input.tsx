export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectInputProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly value: string;
  readonly options: readonly SelectOption[];
  readonly placeholder?: string;
  readonly onValueChange: (value: string) => void;
}

/** An NHS select with label, hint and field-level error. */
export function SelectInput({ id, label, hint, error, value, options, placeholder, onValueChange }: SelectInputProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error !== undefined && (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <select
        id={id}
        name={id}
        className={`nhsuk-select${error === undefined ? '' : ' nhsuk-select--error'}`}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error === undefined ? undefined : true}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
