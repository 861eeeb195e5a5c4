import { FormGroup } from './form-group';

export interface TextareaInputProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly value: string;
  readonly rows?: number;
  readonly onValueChange: (value: string) => void;
}

/** An NHS textarea with label, hint and field-level error. */
export function TextareaInput({ id, label, hint, error, value, rows = 3, onValueChange }: TextareaInputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={id}
          rows={rows}
          className={`nhsuk-textarea${error === undefined ? '' : ' nhsuk-textarea--error'}`}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error === undefined ? undefined : true}
        />
      )}
    </FormGroup>
  );
}
