import { FormGroup } from './form-group';

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
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          name={id}
          className={`nhsuk-select${error === undefined ? '' : ' nhsuk-select--error'}`}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error === undefined ? undefined : true}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
