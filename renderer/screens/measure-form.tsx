import { useMemo, useState } from 'react';
import { localToday } from '../../core/calendar-date';
import type { Role } from '../../core/roles';
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../../core/schemas/assessment';
import { MEASURE_DEFINITION_LIST, getMeasureDefinition } from '../../core/scoring/measure-definitions';
import type { MeasureId } from '../../core/scoring/measure-id';
import type { MeasureAnswer, MeasureScore } from '../../core/scoring/measure-score';
import { useApi } from '../api/api-context';
import { ErrorSummary } from '../components/error-summary';
import { FormActions } from '../components/form-actions';
import { SelectInput } from '../components/select-input';
import { TextInput } from '../components/text-input';
import { useSubmit } from '../components/use-submit';
import { useSession } from '../session-context';

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

/** Records one outcome measure; the score and any risk show live as items are answered. */
export function MeasureForm({ participantId, onSaved, onCancel }: { participantId: string; onSaved: () => void; onCancel: () => void }) {
  const api = useApi();
  const { user } = useSession();
  const [measure, setMeasure] = useState<MeasureId>('phq9');
  const [discipline, setDiscipline] = useState<Discipline>(DISCIPLINE_FOR_ROLE[user.role] ?? 'employment_support');
  const [takenOn, setTakenOn] = useState(localToday());
  const definition = getMeasureDefinition(measure);
  const [answers, setAnswers] = useState<MeasureAnswer[]>(() => Array.from({ length: definition.itemCount }, () => null));
  const save = useSubmit<{ id: string; score: MeasureScore }>((path) => `measure-${path}`);
  const score = useMemo(() => liveScore(measure, answers), [measure, answers]);

  const chooseMeasure = (id: string) => {
    const next = getMeasureDefinition(id as MeasureId);
    setMeasure(next.id);
    setAnswers(Array.from({ length: next.itemCount }, () => null));
  };
  const answer = (index: number, value: MeasureAnswer) => setAnswers((current) => current.map((item, at) => (at === index ? value : item)));
  const wording = definition.defaultWording;
  const values = Array.from({ length: definition.itemMax - definition.itemMin + 1 }, (_, offset) => definition.itemMin + offset);
  const labelFor = (value: number) => wording.responseOptions?.find((option) => option.value === value)?.label ?? String(value);
  const answeredCount = answers.filter((item) => item !== null).length;

  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="measure-heading"
      onSubmit={(event) => {
        event.preventDefault();
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
      <SelectInput id="measure-measure" label="Measure" value={measure} options={MEASURE_DEFINITION_LIST.map((item) => ({ value: item.id, label: item.displayName }))} onValueChange={chooseMeasure} />
      <SelectInput id="measure-discipline" label="Discipline" value={discipline} options={DISCIPLINES.map((value) => ({ value, label: DISCIPLINE_LABELS[value] }))} onValueChange={(value) => setDiscipline(value as Discipline)} />
      <TextInput id="measure-takenOn" type="date" label="Date completed" value={takenOn} error={save.fieldErrors['measure-takenOn']} onValueChange={setTakenOn} className="nhsuk-u-width-one-third" />
      {wording.stem !== undefined && <p className="nhsuk-body-l">{wording.stem}</p>}
      {definition.wordingLicensed && (
        <p className="nhsuk-hint">The item wording of this measure is licensed: your partnership adds its licensed text. Ask the person each item from your licensed form.</p>
      )}
      {wording.itemLabels.map((itemLabel, index) => {
        const name = `measure-item-${index}`;
        const error = save.fieldErrors[`measure-response.answers.${index}`];
        return (
          <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`} key={`${measure}-${index}`}>
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                {index + 1}. {itemLabel}
              </legend>
              {error !== undefined && <span className="nhsuk-error-message">{error}</span>}
              <div className={`nhsuk-radios${values.length > 4 ? ' nhsuk-radios--inline' : ''}`}>
                {values.map((value) => (
                  <div className="nhsuk-radios__item" key={value}>
                    <input className="nhsuk-radios__input" id={`${name}-${value}`} name={name} type="radio" checked={answers[index] === value} onChange={() => answer(index, value)} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${value}`}>
                      {labelFor(value)}
                    </label>
                  </div>
                ))}
                {definition.allowsNotApplicable && (
                  <div className="nhsuk-radios__item">
                    <input className="nhsuk-radios__input" id={`${name}-na`} name={name} type="radio" checked={answers[index] === 'not_applicable'} onChange={() => answer(index, 'not_applicable')} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-na`}>
                      Not applicable
                    </label>
                  </div>
                )}
              </div>
            </fieldset>
          </div>
        );
      })}
      <div className="ww-live-score" role="status" aria-live="polite" data-testid="live-score">
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
