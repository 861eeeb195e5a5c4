import { formatDate } from '../../format';
import { ColumnHeaders } from '../../components/column-headers';

export interface ScheduleTableProps {
  readonly caption: string;
  readonly contractedHoursPerWeek: number | null;
  readonly weeks: ReadonlyArray<{ readonly startsOn: string; readonly hours: number; readonly duties: string }>;
}

/** A saved graded return schedule to read: week, start date, hours (of the contracted hours) and duties. */
export function ScheduleTable({ caption, contractedHoursPerWeek, weeks }: ScheduleTableProps) {
  return (
    <table className="nhsuk-table ww-schedule-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        {caption}
        {contractedHoursPerWeek !== null && (
          <span className="nhsuk-body-s ww-block">Contracted hours: {contractedHoursPerWeek} a week</span>
        )}
      </caption>
      <ColumnHeaders headers={['Week', 'Starts', 'Hours', 'Duties']} />
      <tbody className="nhsuk-table__body">
        {weeks.map((week, index) => (
          <tr className="nhsuk-table__row" key={week.startsOn}>
            <th scope="row" className="nhsuk-table__header">
              {index + 1}
            </th>
            <td className="nhsuk-table__cell">{formatDate(week.startsOn)}</td>
            <td className="nhsuk-table__cell">{week.hours}</td>
            <td className="nhsuk-table__cell">{week.duties}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
