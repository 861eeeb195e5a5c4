import type { InputHTMLAttributes } from 'react';

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  /** Extra content under the input, such as live passphrase feedback. */
  readonly after?: React.ReactNode;
}

/** An NHS text input with its label, hint and field-level error, wired for screen readers. */
export function TextInput({ id, label, hint, error, value, onValueChange, after, className, ...rest }: TextInputProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
      <input
        {...rest}
        id={id}
        name={id}
        className={`nhsuk-input${error === undefined ? '' : ' nhsuk-input--error'}${className === undefined ? '' : ` ${className}`}`}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error === undefined ? undefined : true}
      />
      {after}
    </div>
  );
}
