import { FieldsetGroup } from './form-group';

export interface RadioOption<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
}

export interface RadioGroupProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly value: T;
  readonly options: ReadonlyArray<RadioOption<T>>;
  readonly onValueChange: (value: T) => void;
  /** A field-level error; the error summary links to the first radio (`<name>-<first value>`). */
  readonly error?: string | undefined;
}

/** NHS radios in a fieldset; arrow keys move between options as native radios do. */
export function RadioGroup<T extends string>({ name, legend, value, options, onValueChange, error }: RadioGroupProps<T>) {
  return (
    <FieldsetGroup id={name} legend={legend} legendClassName="nhsuk-fieldset__legend nhsuk-fieldset__legend--s" error={error}>
      <div className="nhsuk-radios">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div className="nhsuk-radios__item" key={option.value}>
              <input
                className="nhsuk-radios__input"
                id={id}
                name={name}
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onValueChange(option.value)}
                aria-describedby={option.hint === undefined ? undefined : `${id}-hint`}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                {option.label}
              </label>
              {option.hint !== undefined && (
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}
