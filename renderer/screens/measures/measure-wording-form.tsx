import { useRef, useState } from 'react';
import type { MeasureWordingEntry } from '../../../core/schemas/measure-wording';
import { getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import type { MeasureWording, ResponseOption } from '../../../core/scoring/measure-wording';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { offers } from '../../can-call';

/** Strips list numbering a pasted form often carries: "1.", "2)", "(3)", "Q4:". */
function withoutNumbering(line: string): string {
  return line.replace(/^\s*(?:q(?:uestion)?\s*)?\(?\d{1,2}[.):]?\s+/i, '').trim();
}

/** Field ids: the stem, each item, each answer value's label, and the paste box. */
const FIELD = {
  stem: 'wording-stem',
  paste: 'wording-paste',
  item: (index: number) => `wording-item-${index}`,
  option: (value: number) => `wording-option-${value}`,
  itemOption: (item: number, value: number) => `wording-item-${item}-option-${value}`,
} as const;

interface Draft {
  readonly stem: string;
  readonly items: readonly string[];
  /** Label per answer value; blank means "show the number only". */
  readonly options: Readonly<Record<number, string>>;
  /** Labels of their own, per item the measure lists the other way round (MSK-HQ items 12 and 13). */
  readonly itemOptions: Readonly<Record<number, Readonly<Record<number, string>>>>;
}

/** Label per answer value, as the form keeps them. */
function labelsByValue(options: readonly ResponseOption[] | undefined): Record<number, string> {
  return Object.fromEntries((options ?? []).map((option) => [option.value, option.label]));
}

/** The filled-in labels as response options, in value order; blank ones are left out. */
function optionsFrom(values: readonly number[], labels: Readonly<Record<number, string>> | undefined): ResponseOption[] {
  return values.flatMap((value) => {
    const label = labels?.[value]?.trim() ?? '';
    return label === '' ? [] : [{ value, label }];
  });
}

/** The form starts from the wording in use, except placeholders, which are there to be replaced. */
function draftFrom(entry: MeasureWordingEntry): Draft {
  const definition = getMeasureDefinition(entry.measure);
  const placeholder = entry.source === 'placeholder';
  return {
    stem: entry.wording.stem ?? '',
    items: Array.from({ length: definition.itemCount }, (_, index) => (placeholder ? '' : (entry.wording.itemLabels[index] ?? ''))),
    options: labelsByValue(entry.wording.responseOptions),
    itemOptions: Object.fromEntries(
      definition.ownLabelItems.map((item) => [item, labelsByValue(entry.wording.itemResponseOptions?.[String(item)])]),
    ),
  };
}

/**
 * Edits one measure's wording: the stem, every item's label (typed, or pasted all at once one per
 * line) and a label for each answer value. Saving replaces the partnership's wording for that
 * measure; resetting returns it to the shipped wording. Messages show by each field and in the
 * summary, and what was typed is kept.
 */
export function MeasureWordingForm({ entry, onChanged }: { entry: MeasureWordingEntry; onChanged: (message: string) => void }) {
  const api = useApi();
  const definition = getMeasureDefinition(entry.measure);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(entry));
  const [pasted, setPasted] = useState('');
  const [confirmingReset, setConfirmingReset] = useState(false);
  // Which answer value each submitted response option was, to put its messages by the right field.
  const submittedOptions = useRef<readonly ResponseOption[]>([]);
  const submittedItemOptions = useRef<Readonly<Record<string, readonly ResponseOption[]>>>({});
  const save = useSubmit<MeasureWordingEntry>((path) => {
    if (path === 'wording.stem') return FIELD.stem;
    const item = /^wording\.itemLabels(?:\.(\d+))?$/.exec(path);
    if (item !== null) return FIELD.item(Number(item[1] ?? 0));
    const own = /^wording\.itemResponseOptions\.(\d+)(?:\.(\d+))?/.exec(path);
    if (own !== null) {
      const item = Number(own[1]);
      const ownValue = own[2] === undefined ? undefined : submittedItemOptions.current[String(item)]?.[Number(own[2])]?.value;
      return FIELD.itemOption(item, ownValue ?? definition.itemMin);
    }
    const option = /^wording\.responseOptions\.(\d+)/.exec(path);
    const value = option === null ? undefined : submittedOptions.current[Number(option[1])]?.value;
    return value === undefined ? path : FIELD.option(value);
  });
  const values = Array.from({ length: definition.itemMax - definition.itemMin + 1 }, (_, offset) => definition.itemMin + offset);
  const setItem = (index: number, text: string) =>
    setDraft((current) => ({ ...current, items: current.items.map((item, at) => (at === index ? text : item)) }));

  const fillFromPaste = () => {
    const lines = pasted
      .split(/\r?\n/)
      .map(withoutNumbering)
      .filter((line) => line !== '');
    if (lines.length !== definition.itemCount) {
      save.showErrors({
        [FIELD.paste]: `You pasted ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}: ${definition.shortName} has ${definition.itemCount} items, one per line`,
      });
      return;
    }
    setDraft((current) => ({ ...current, items: lines }));
    save.showErrors({});
  };

  const submit = () => {
    const blank = Object.fromEntries(
      draft.items.flatMap((item, index) => (item.trim() === '' ? [[FIELD.item(index), `Enter the wording of item ${index + 1}`]] : [])),
    );
    if (Object.keys(blank).length > 0) {
      save.showErrors(blank);
      return;
    }
    const responseOptions = optionsFrom(values, draft.options);
    submittedOptions.current = responseOptions;
    const itemResponseOptions = Object.fromEntries(
      definition.ownLabelItems.flatMap((item) => {
        const options = optionsFrom(values, draft.itemOptions[item]);
        return options.length === 0 ? [] : [[String(item), options]];
      }),
    );
    submittedItemOptions.current = itemResponseOptions;
    const wording: MeasureWording = {
      ...(draft.stem.trim() === '' ? {} : { stem: draft.stem }),
      itemLabels: [...draft.items],
      ...(responseOptions.length === 0 ? {} : { responseOptions }),
      ...(Object.keys(itemResponseOptions).length === 0 ? {} : { itemResponseOptions }),
    };
    void save.submit(
      () => api.call('measureWording.save', { measure: entry.measure, wording }),
      () => onChanged(`${definition.shortName} wording saved. Forms use it from now on.`),
    );
  };

  const reset = () =>
    void save.submit(
      () => api.call('measureWording.reset', { measure: entry.measure }),
      () => onChanged(`${definition.shortName} wording reset to the ${definition.wordingLicensed ? 'placeholders' : 'shipped wording'}.`),
    );

  return (
    <form
      noValidate
      aria-labelledby="wording-form-heading"
      {...offers('measureWording.save')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 className="nhsuk-heading-m" id="wording-form-heading">
        {definition.displayName}
      </h2>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <TextareaInput
        id={FIELD.stem}
        label="Question above the items (optional)"
        hint="For example the instruction the published form gives before its first item."
        rows={2}
        value={draft.stem}
        error={save.fieldErrors[FIELD.stem]}
        onValueChange={(stem) => setDraft((current) => ({ ...current, stem }))}
      />
      <div className="nhsuk-form-group ww-panel">
        <TextareaInput
          id={FIELD.paste}
          label={`Paste all ${definition.itemCount} items at once (optional)`}
          hint="One item per line, in order. Numbering at the start of a line, such as “1.” or “2)”, is removed."
          rows={Math.min(definition.itemCount, 8)}
          value={pasted}
          error={save.fieldErrors[FIELD.paste]}
          onValueChange={setPasted}
        />
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={fillFromPaste}>
          Fill the items from the pasted lines
        </button>
      </div>
      <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Items</legend>
        {draft.items.map((item, index) => (
          <TextareaInput
            key={FIELD.item(index)}
            id={FIELD.item(index)}
            label={`Item ${index + 1}`}
            hint={definition.wordingLicensed ? `Placeholder: ${definition.defaultWording.itemLabels[index] ?? ''}` : undefined}
            rows={2}
            value={item}
            error={save.fieldErrors[FIELD.item(index)]}
            onValueChange={(text) => setItem(index, text)}
          />
        ))}
      </fieldset>
      <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4" aria-describedby="wording-options-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Answer labels</legend>
        <div className="nhsuk-hint" id="wording-options-hint">
          One label per answer score, {definition.itemMin} to {definition.itemMax}. Leave one blank to show just its number.
          {definition.higherIsBetter
            ? ` On ${definition.shortName} a higher score is better, so the best answer scores ${definition.itemMax}.`
            : ''}
        </div>
        <div className="ww-form-row">
          {values.map((value) => (
            <TextInput
              key={value}
              id={FIELD.option(value)}
              label={`Answer scoring ${value}`}
              value={draft.options[value] ?? ''}
              error={save.fieldErrors[FIELD.option(value)]}
              onValueChange={(label) => setDraft((current) => ({ ...current, options: { ...current.options, [value]: label } }))}
            />
          ))}
        </div>
      </fieldset>
      {definition.ownLabelItems.map((item) => (
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4" key={item} aria-describedby={`wording-item-${item}-options-hint`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Answer labels for item {item + 1}</legend>
          <div className="nhsuk-hint" id={`wording-item-${item}-options-hint`}>
            On the published form item {item + 1} lists its answers the other way round from the rest, so it needs labels of its own
            whenever the shared labels above are filled in. Copy each answer against the score it gets on item {item + 1}.
          </div>
          <div className="ww-form-row">
            {values.map((value) => (
              <TextInput
                key={value}
                id={FIELD.itemOption(item, value)}
                label={`Item ${item + 1}: answer scoring ${value}`}
                value={draft.itemOptions[item]?.[value] ?? ''}
                error={save.fieldErrors[FIELD.itemOption(item, value)]}
                onValueChange={(label) =>
                  setDraft((current) => ({
                    ...current,
                    itemOptions: { ...current.itemOptions, [item]: { ...current.itemOptions[item], [value]: label } },
                  }))
                }
              />
            ))}
          </div>
        </fieldset>
      ))}
      <div className="ww-actions">
        <button type="submit" className="nhsuk-button" disabled={save.busy}>
          Save wording
        </button>
        {entry.source === 'configured' && !confirmingReset && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setConfirmingReset(true)}>
            Reset to the {definition.wordingLicensed ? 'placeholders' : 'published wording'}
          </button>
        )}
      </div>
      {confirmingReset && (
        <div className="nhsuk-warning-callout" role="group" aria-labelledby="reset-heading">
          <h3 className="nhsuk-warning-callout__label" id="reset-heading">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Reset {definition.shortName} wording?
            </span>
          </h3>
          <p>
            Forms will use the {definition.wordingLicensed ? 'neutral placeholders' : 'shipped wording'} again. Your partnership&apos;s
            wording is removed; keep a copy if you may need it.
          </p>
          <div className="ww-actions">
            <button type="button" className="nhsuk-button nhsuk-button--warning" disabled={save.busy} onClick={reset}>
              Yes, reset the wording
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setConfirmingReset(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
