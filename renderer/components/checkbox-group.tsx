export interface CheckboxGroupProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  readonly values: readonly T[];
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly onValuesChange: (values: T[]) => void;
}

/** NHS checkboxes in a fieldset, for choosing any number of options. */
export function CheckboxGroup<T extends string>({ name, legend, hint, values, options, onValuesChange }: CheckboxGroupProps<T>) {
  const toggle = (value: T, checked: boolean) => onValuesChange(checked ? [...values, value] : values.filter((item) => item !== value));
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={hint === undefined ? undefined : `${name}-hint`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
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
      </fieldset>
    </div>
  );
}
