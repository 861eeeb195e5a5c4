import { useMemo, useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import type { Role } from '../../../core/roles';
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../../../core/schemas/assessment';
import type { MeasureWordingEntry } from '../../../core/schemas/measure-wording';
import { MEASURE_DEFINITION_LIST, getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import { answerLabelFor, hasOwnAnswerLabels } from '../../../core/scoring/measure-wording';
import type { MeasureId } from '../../../core/scoring/measure-id';
import type { MeasureAnswer, MeasureScore } from '../../../core/scoring/measure-score';
import { useApi } from '../../api/api-context';
import { AnswerGrid, answerGridFieldId, type AnswerOption } from '../../components/answer-grid';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { useSubmit } from '../../components/use-submit';
import { useSession } from '../../session-context';
import { useMeasureWording } from './use-measure-wording';
import { DateInput } from '../../components/date-input';
import { offers } from '../../can-call';

const DISCIPLINE_FOR_ROLE: Partial<Record<Role, Discipline>> = {
  coach: 'employment_support',
  physiotherapist: 'physiotherapy',
  mental_health_practitioner: 'mental_health',
  occupational_therapist: 'occupational_therapy',
};

/** Scores the answers so far, or undefined while the measure's rules cannot score them yet. */
function liveScore(measure: MeasureId, answers: readonly MeasureAnswer[]): MeasureScore | undefined {
  const definition = getMeasureDefinition(measure);
  const parsed = definition.answersSchema.safeParse(answers);
  if (!parsed.success) return undefined;
  try {
    return definition.score(parsed.data);
  } catch {
    return undefined;
  }
}

/** Ids of the item radios: `measure-item-<item>-option-<answer>`. */
const ITEM_PREFIX = 'measure-item';

/** What the error summary says for each unanswered item: its number and its words. */
function unansweredErrors(itemLabels: readonly string[], answers: readonly MeasureAnswer[]): Record<string, string> {
  const errors: Record<string, string> = {};
  answers.forEach((answer, index) => {
    if (answer === null) errors[answerGridFieldId(ITEM_PREFIX, index)] = `Answer question ${index + 1}: ${itemLabels[index] ?? ''}`;
  });
  return errors;
}

/** Maps a services field path to the form's field id: answers to their row's first radio. */
function fieldIdFor(path: string): string {
  const item = /^response\.answers\.(\d+)$/.exec(path);
  return item?.[1] === undefined ? `measure-${path}` : answerGridFieldId(ITEM_PREFIX, Number(item[1]));
}

/** Where the form's wording came from, in a sentence for the person filling it in. */
function WordingNote({ entry }: { entry: MeasureWordingEntry }) {
  if (entry.source === 'placeholder') {
    return (
      <p className="nhsuk-hint">
        The item wording of this measure is licensed and your partnership has not added it yet: ask each item from your licensed form. An
        administrator can add the wording in the measure wording settings.
      </p>
    );
  }
  if (entry.source === 'configured') return <p className="nhsuk-hint">Wording set by your partnership.</p>;
  return null;
}

/**
 * Records one outcome measure as a compact grid (one row per item, answers across), in the
 * wording in effect for the partnership. The score and any risk show live, in a box that stays in
 * view while the items are filled in.
 */
export function MeasureForm({ participantId, onSaved, onCancel }: { participantId: string; onSaved: () => void; onCancel: () => void }) {
  const api = useApi();
  const { user } = useSession();
  const wordingState = useMeasureWording();
  const [measure, setMeasure] = useState<MeasureId>('phq9');
  const [discipline, setDiscipline] = useState<Discipline>(DISCIPLINE_FOR_ROLE[user.role] ?? 'employment_support');
  const [takenOn, setTakenOn] = useState(todayInLondon());
  const definition = getMeasureDefinition(measure);
  const [answers, setAnswers] = useState<MeasureAnswer[]>(() => Array.from({ length: definition.itemCount }, () => null));
  const save = useSubmit<{ id: string; score: MeasureScore }>(fieldIdFor);
  const score = useMemo(() => liveScore(measure, answers), [measure, answers]);

  const chooseMeasure = (id: string) => {
    const next = getMeasureDefinition(id as MeasureId);
    setMeasure(next.id);
    setAnswers(Array.from({ length: next.itemCount }, () => null));
    save.showErrors({});
  };
  const answer = (index: number, value: MeasureAnswer) => setAnswers((current) => current.map((item, at) => (at === index ? value : item)));
  // Until the partnership's wording loads (or if it cannot), the shipped wording keeps the form usable.
  const entry = wordingState.entries?.[measure];
  const wording = entry?.wording ?? definition.defaultWording;
  // Column headings come from the shared labels; rows with labels of their own show them on their radios.
  const labelFor = (value: number) => answerLabelFor(wording, null, value);
  const options: AnswerOption<MeasureAnswer & (number | string)>[] = [
    ...Array.from({ length: definition.itemMax - definition.itemMin + 1 }, (_, offset) => definition.itemMin + offset).map((value) => ({
      value,
      label: labelFor(value),
    })),
    ...(definition.notApplicableItems.length > 0 ? [{ value: 'not_applicable' as const, label: 'Not applicable' }] : []),
  ];
  const answeredCount = answers.filter((item) => item !== null).length;
  const rowErrors = Object.fromEntries(
    answers
      .map((_, index) => [index, save.fieldErrors[answerGridFieldId(ITEM_PREFIX, index)]] as const)
      .filter((pair): pair is readonly [number, string] => pair[1] !== undefined),
  );

  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="measure-heading"
      {...offers('measures.record')}
      onSubmit={(event) => {
        event.preventDefault();
        // WSAS may leave items out (its rules pro-rate one); every other measure needs every item.
        const missing = definition.allowsUnanswered ? {} : unansweredErrors(wording.itemLabels, answers);
        if (Object.keys(missing).length > 0) {
          save.showErrors(missing);
          return;
        }
        void save.submit(
          () => api.call('measures.record', { participantId, discipline, takenOn, response: { measure, answers } as never }),
          onSaved,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="measure-heading">
        Record an outcome measure
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {wordingState.error !== undefined && (
        <p className="nhsuk-error-message">
          Your partnership&apos;s wording could not be loaded ({wordingState.error}), so the shipped wording is shown.
        </p>
      )}
      <div className="ww-form-row">
        <SelectInput
          id="measure-measure"
          label="Measure"
          value={measure}
          options={MEASURE_DEFINITION_LIST.map((item) => ({ value: item.id, label: item.displayName }))}
          onValueChange={chooseMeasure}
        />
        <SelectInput
          id="measure-discipline"
          label="Discipline"
          value={discipline}
          options={DISCIPLINES.map((value) => ({ value, label: DISCIPLINE_LABELS[value] }))}
          onValueChange={(value) => setDiscipline(value as Discipline)}
        />
        <DateInput
          id="measure-takenOn"
          label="Date completed"
          value={takenOn}
          error={save.fieldErrors['measure-takenOn']}
          onValueChange={setTakenOn}
        />
      </div>
      {wording.stem !== undefined && <p className="nhsuk-body-l nhsuk-u-margin-bottom-3">{wording.stem}</p>}
      {entry !== undefined && <WordingNote entry={entry} />}
      <AnswerGrid
        key={measure}
        idPrefix={ITEM_PREFIX}
        itemLabels={wording.itemLabels}
        options={options}
        answers={answers}
        onAnswer={answer}
        errors={rowErrors}
        offers={(itemIndex, value) => value !== 'not_applicable' || definition.notApplicableItems.includes(itemIndex)}
        ownLabel={(itemIndex, value) =>
          typeof value === 'number' && hasOwnAnswerLabels(wording, itemIndex) ? answerLabelFor(wording, itemIndex, value) : undefined
        }
      />
      {definition.notApplicableItems.length > 0 && (
        <p className="nhsuk-hint">
          &ldquo;Not applicable&rdquo; is only for the work item, and only when the person is not working for reasons unrelated to their
          problem. Anyone in work or off sick answers it.
        </p>
      )}
      <div className="ww-live-score ww-live-score--sticky" role="status" aria-live="polite" data-testid="live-score">
        {score === undefined ? (
          <p>
            {answeredCount} of {definition.itemCount} answered.
          </p>
        ) : (
          <>
            <p className="nhsuk-heading-s">
              {definition.shortName} score: {score.total ?? 'not scored'}
              {score.bandLabel === null ? '' : ` (${score.bandLabel})`}
            </p>
            {score.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </>
        )}
      </div>
      <FormActions submitLabel="Save measure" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
