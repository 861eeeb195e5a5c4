import { MAX_SCHEDULE_WEEKS } from '../../../core/adjustments/graded-return';
import { formatDate } from '../../format';
import { newWeek, weekStartOrBlank, type ScheduleDraft, type ScheduleWeekDraft } from './adjustments-draft';
import { adjustmentsFieldId } from './adjustments-field-id';
import { DateInput } from '../../components/date-input';
import { HintAndError } from '../../components/form-group';
import { ColumnHeaders } from '../../components/column-headers';

export interface ScheduleBuilderProps {
  readonly schedule: ScheduleDraft;
  readonly errorFor: (path: string) => string | undefined;
  readonly onChange: (schedule: ScheduleDraft) => void;
  /** Asks the editor to focus a field once it has rendered (after "Add a week"). */
  readonly onFocusRequest: (fieldId: string) => void;
}

/**
 * The graded return as a table: one row per week with its hours and duties. Each week's start date
 * follows from the schedule's start, so the weeks are always contiguous; the hours are checked
 * against the contracted hours when saved, and any problem shows in its cell.
 */
export function ScheduleBuilder({ schedule, errorFor, onChange, onFocusRequest }: ScheduleBuilderProps) {
  const setWeek = (index: number, change: Partial<ScheduleWeekDraft>) =>
    onChange({ ...schedule, weeks: schedule.weeks.map((week, at) => (at === index ? { ...week, ...change } : week)) });
  const addWeek = () => {
    const last = schedule.weeks.at(-1);
    onChange({ ...schedule, weeks: [...schedule.weeks, newWeek(last?.hours ?? '')] });
    onFocusRequest(adjustmentsFieldId(`gradedReturn.weeks.${schedule.weeks.length}.hours`));
  };
  const weeksError = errorFor('gradedReturn.weeks');
  return (
    <div className="ww-schedule">
      <DateInput
        id={adjustmentsFieldId('gradedReturn.startOn')}
        label="First day of the phased return"
        value={schedule.startOn}
        error={errorFor('gradedReturn.startOn')}
        onValueChange={(startOn) => onChange({ ...schedule, startOn })}
      />
      <div
        className={`nhsuk-form-group${weeksError === undefined ? '' : ' nhsuk-form-group--error'}`}
        id={adjustmentsFieldId('gradedReturn.weeks')}
        tabIndex={-1}
      >
        {weeksError !== undefined && (
          <span className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span> {weeksError}
          </span>
        )}
        <table className="nhsuk-table ww-schedule-table" data-testid="schedule-builder">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Week by week</caption>
          <ColumnHeaders headers={['Week', 'Starts', 'Hours', 'Duties', <span className="nhsuk-u-visually-hidden">Remove</span>]} />
          <tbody className="nhsuk-table__body">
            {schedule.weeks.map((week, index) => {
              const startsOn = weekStartOrBlank(schedule.startOn, index);
              return (
                <tr className="nhsuk-table__row" key={week.key}>
                  <th scope="row" className="nhsuk-table__header">
                    {index + 1}
                  </th>
                  <td className="nhsuk-table__cell ww-nowrap">{startsOn === '' ? 'Set the first day' : formatDate(startsOn)}</td>
                  <td className="nhsuk-table__cell ww-schedule-hours">
                    <CellInput
                      id={adjustmentsFieldId(`gradedReturn.weeks.${index}.hours`)}
                      label={`Week ${index + 1} hours`}
                      inputMode="decimal"
                      width={4}
                      value={week.hours}
                      error={errorFor(`gradedReturn.weeks.${index}.hours`) ?? errorFor(`gradedReturn.weeks.${index}.startsOn`)}
                      onValueChange={(hours) => setWeek(index, { hours })}
                    />
                  </td>
                  <td className="nhsuk-table__cell ww-schedule-duties">
                    <CellInput
                      id={adjustmentsFieldId(`gradedReturn.weeks.${index}.duties`)}
                      label={`Week ${index + 1} duties`}
                      value={week.duties}
                      error={errorFor(`gradedReturn.weeks.${index}.duties`)}
                      onValueChange={(duties) => setWeek(index, { duties })}
                    />
                  </td>
                  <td className="nhsuk-table__cell">
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small ww-schedule-remove"
                      onClick={() => onChange({ ...schedule, weeks: schedule.weeks.filter((_, at) => at !== index) })}
                    >
                      Remove<span className="nhsuk-u-visually-hidden"> week {index + 1}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {schedule.weeks.length < MAX_SCHEDULE_WEEKS && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={addWeek}>
          Add a week
        </button>
      )}
    </div>
  );
}

interface CellInputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly inputMode?: 'decimal';
  readonly width?: number;
  readonly onValueChange: (value: string) => void;
}

/** An input inside a table cell: its label is read out but not shown (the column header says it); its error shows beneath it. */
function CellInput({ id, label, value, error, inputMode, width, onValueChange }: CellInputProps) {
  const errorId = `${id}-error`;
  return (
    <div className={`nhsuk-form-group ww-cell-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} error={error} />
      <input
        id={id}
        name={id}
        className={`nhsuk-input${width === undefined ? '' : ` nhsuk-input--width-${width}`}${error === undefined ? '' : ' nhsuk-input--error'}`}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-describedby={error === undefined ? undefined : errorId}
        aria-invalid={error === undefined ? undefined : true}
      />
    </div>
  );
}
