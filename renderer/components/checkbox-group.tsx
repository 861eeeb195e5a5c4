import { FieldsetGroup } from './form-group';

export interface CheckboxGroupProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  /** A field-level error; the error summary links to the first checkbox (`<name>-<first value>`). */
  readonly error?: string | undefined;
  readonly values: readonly T[];
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly onValuesChange: (values: T[]) => void;
}

/** NHS checkboxes in a fieldset, for choosing any number of options. */
export function CheckboxGroup<T extends string>({ name, legend, hint, error, values, options, onValuesChange }: CheckboxGroupProps<T>) {
  const toggle = (value: T, checked: boolean) => onValuesChange(checked ? [...values, value] : values.filter((item) => item !== value));
  return (
    <FieldsetGroup id={name} legend={legend} legendClassName="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" hint={hint} error={error}>
      <div className="nhsuk-checkboxes">
        {options.map((option) => (
          <div className="nhsuk-checkboxes__item" key={option.value}>
            <input
              className="nhsuk-checkboxes__input"
              id={`${name}-${option.value}`}
              name={name}
              type="checkbox"
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${name}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}
