import type { CSSProperties } from 'react';

export interface AnswerOption<Value> {
  readonly value: Value;
  readonly label: string;
}

export interface AnswerGridProps<Value> {
  /** Prefix for the radios' names and ids: item i, option j is `${idPrefix}-${i}-option-${j}`. */
  readonly idPrefix: string;
  /** One question per row; shown numbered, as each row's legend. */
  readonly itemLabels: readonly string[];
  /** The same answers for every row, in column order. */
  readonly options: readonly AnswerOption<Value>[];
  /** The chosen value per row, or null. */
  readonly answers: readonly (Value | null)[];
  readonly onAnswer: (itemIndex: number, value: Value) => void;
  /** Field-level messages by row index. */
  readonly errors?: Readonly<Record<number, string>>;
  /**
   * Whether a row offers an answer (default: every row offers every answer). A row without one
   * keeps an empty cell in its column, so the columns stay under their headings.
   */
  readonly offers?: (itemIndex: number, value: Value) => boolean;
  /**
   * A row's own label for an answer, where it differs from its column heading (an item whose
   * answers run the other way, such as MSK-HQ items 12 and 13). It is shown on the radio at every
   * width, so nobody reads that row's answers from the headings.
   */
  readonly ownLabel?: (itemIndex: number, value: Value) => string | undefined;
}

/** Beyond this many answers per row the column headings are set smaller to fit. */
const MANY_ANSWERS = 6;

/** The id of a row's first radio: where an error summary link sends focus for that row. */
export function answerGridFieldId(idPrefix: string, itemIndex: number): string {
  return `${idPrefix}-${itemIndex}-option-0`;
}

/**
 * A questionnaire as a compact grid: one row per item, the answers across. Each row is a fieldset
 * whose legend is the item text, holding one native radio group, so arrow keys move within a row
 * and Tab moves to the next. The column headings show the answer labels once; each radio keeps its
 * own label (visually hidden on wide screens, shown when the grid stacks on narrow ones), so
 * screen readers hear "Several days, radio, 1. Little interest or pleasure in doing things".
 */
export function AnswerGrid<Value extends string | number>({
  idPrefix,
  itemLabels,
  options,
  answers,
  onAnswer,
  errors = {},
  offers = () => true,
  ownLabel = () => undefined,
}: AnswerGridProps<Value>) {
  const style = { '--ww-answer-count': options.length } as CSSProperties;
  return (
    <div className={`ww-answer-grid${options.length > MANY_ANSWERS ? ' ww-answer-grid--many' : ''}`} style={style}>
      <div className="ww-answer-grid__header" aria-hidden="true">
        <span>Question</span>
        {options.map((option) => (
          <span key={String(option.value)}>{option.label}</span>
        ))}
      </div>
      {itemLabels.map((itemLabel, itemIndex) => {
        const name = `${idPrefix}-${itemIndex}`;
        const error = errors[itemIndex];
        const errorId = `${name}-error`;
        return (
          <fieldset
            className={`ww-answer-grid__row nhsuk-radios${error === undefined ? '' : ' ww-answer-grid__row--error'}`}
            key={name}
            aria-describedby={error === undefined ? undefined : errorId}
            data-testid={`answer-row-${itemIndex}`}
          >
            <legend className="ww-answer-grid__legend">
              {itemIndex + 1}. {itemLabel}
            </legend>
            {error !== undefined && (
              <span className="nhsuk-error-message ww-answer-grid__error" id={errorId}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            )}
            {options.map((option, optionIndex) => {
              const id = `${name}-option-${optionIndex}`;
              if (!offers(itemIndex, option.value)) return <div className="ww-answer-grid__answer" key={String(option.value)} />;
              const own = ownLabel(itemIndex, option.value);
              return (
                <div className="nhsuk-radios__item ww-answer-grid__answer" key={String(option.value)}>
                  <input
                    className="nhsuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    checked={answers[itemIndex] === option.value}
                    onChange={() => onAnswer(itemIndex, option.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                    {own === undefined ? (
                      <span className="ww-answer-grid__answer-text">{option.label}</span>
                    ) : (
                      <span className="ww-answer-grid__own-text" data-testid={`${id}-own-label`}>
                        {own}
                      </span>
                    )}
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
