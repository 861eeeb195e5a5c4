import type { ReactNode } from 'react';
import type { Channel } from '../../core/channels';
import { offers } from '../can-call';
import { ColumnHeaders } from './column-headers';

/** One column of a ListTable: its heading and what each row shows in it. */
export interface ListColumn<Row> {
  /** The visible column heading (a `<th scope="col">`). */
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** The cell names its row: `<th scope="row">` instead of `<td>`, so screen readers announce it with each cell. */
  readonly rowHeader?: boolean;
  /** Extra classes for this column's cells, such as `ww-nowrap` or `ww-break`. */
  readonly className?: string;
}

/** A button at the end of each row, such as Edit or Deactivate. */
export interface RowAction<Row> {
  /** The button's visible text, which may depend on the row ("Deactivate" or "Reactivate"). */
  readonly label: string | ((row: Row) => string);
  readonly onClick: (row: Row) => void;
  /** Whether this row offers the action; every row does when left out. */
  readonly shownFor?: (row: Row) => boolean;
  /** The button's id, so focus can return to it when the form it opened closes. */
  readonly id?: (row: Row) => string;
  /** The contract channel the button calls or opens a form for, marked on it (renderer/can-call.ts `offers`). */
  readonly channel?: Channel;
}

interface ListTableBase<Row> {
  /** What the table lists; read out by screen readers, shown only when `captionVisible`. */
  readonly caption: string;
  readonly captionVisible?: boolean;
  readonly testId: string;
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string | number;
  readonly columns: ReadonlyArray<ListColumn<Row>>;
}

/**
 * A list as an NHS table: a caption, `scope="col"` headings, one row per entry and, when there
 * are actions, a last column of small secondary buttons. Every button's accessible name is its
 * text followed by `rowName` ("Edit Dietetics", "Revoke a.khan"), so a screen reader user who
 * tabs from button to button hears which row each one acts on.
 */
export type ListTableProps<Row> = ListTableBase<Row> &
  ({ readonly actions?: undefined } | { readonly actions: ReadonlyArray<RowAction<Row>>; readonly rowName: (row: Row) => string });

export function ListTable<Row>(props: ListTableProps<Row>) {
  const { caption, captionVisible = false, testId, rows, rowKey, columns } = props;
  return (
    <table className="nhsuk-table" data-testid={testId}>
      <caption className={captionVisible ? 'nhsuk-table__caption' : 'nhsuk-table__caption nhsuk-u-visually-hidden'}>{caption}</caption>
      <ColumnHeaders
        headers={[
          ...columns.map((column) => column.header),
          ...(props.actions === undefined ? [] : [<span className="nhsuk-u-visually-hidden">Actions</span>]),
        ]}
      />
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" key={rowKey(row)}>
            {columns.map((column) => {
              const className = column.className === undefined ? 'nhsuk-table__cell' : `nhsuk-table__cell ${column.className}`;
              return column.rowHeader === true ? (
                <th scope="row" className={className} key={column.header}>
                  {column.cell(row)}
                </th>
              ) : (
                <td className={className} key={column.header}>
                  {column.cell(row)}
                </td>
              );
            })}
            {props.actions !== undefined && (
              <td className="nhsuk-table__cell">
                <RowActionButtons row={row} actions={props.actions} rowName={props.rowName(row)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowActionButtons<Row>({ row, actions, rowName }: { row: Row; actions: ReadonlyArray<RowAction<Row>>; rowName: string }) {
  const shown = actions.filter((action) => action.shownFor?.(row) ?? true);
  if (shown.length === 0) return null;
  return (
    <div className="ww-row-actions">
      {shown.map((action, index) => {
        const label = typeof action.label === 'string' ? action.label : action.label(row);
        return (
          <button
            type="button"
            id={action.id?.(row)}
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            aria-label={`${label} ${rowName}`}
            onClick={() => action.onClick(row)}
            {...(action.channel === undefined ? {} : offers(action.channel))}
            key={index}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
