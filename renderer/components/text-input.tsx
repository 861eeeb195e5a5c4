import type { InputHTMLAttributes } from 'react';
import { FormGroup } from './form-group';

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

/** An NHS text input with its label, hint and field-level error. */
export function TextInput({ id, label, hint, error, value, onValueChange, after, className, ...rest }: TextInputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <>
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
        </>
      )}
    </FormGroup>
  );
}
