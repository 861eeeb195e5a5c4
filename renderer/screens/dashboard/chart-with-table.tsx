import { BarChart, type BarChartProps } from '../../components/bar-chart';

export interface FigureTable {
  readonly caption: string;
  /** The first column's heading (what each row is), then the numbers' headings. */
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly header: string; readonly cells: ReadonlyArray<string | number> }>;
}

const cellText = (cell: string | number) => (typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell);

/**
 * One of the dashboard's figures: a heading, the chart, and beside it (below, on a narrow window)
 * an NHS table holding the same numbers, so nothing is only in the picture.
 */
export function ChartWithTable(props: { heading: string; intro: string; chart: BarChartProps; table: FigureTable; testId: string }) {
  const { heading, intro, chart, table, testId } = props;
  return (
    <section className="ww-dashboard-figure" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h2 className="nhsuk-heading-m" id={`${testId}-heading`}>
        {heading}
      </h2>
      <p className="nhsuk-body">{intro}</p>
      {table.rows.length === 0 ? (
        <p className="nhsuk-body">Nothing to show for this range.</p>
      ) : (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <BarChart {...chart} />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <table className="nhsuk-table ww-figure-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">{table.caption}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  {table.columns.map((column, index) => (
                    <th
                      scope="col"
                      className={index === 0 ? 'nhsuk-table__header' : 'nhsuk-table__header nhsuk-table__header--numeric'}
                      key={column}
                    >
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {table.rows.map((row) => (
                  <tr className="nhsuk-table__row" key={row.header}>
                    <th scope="row" className="nhsuk-table__header">
                      {row.header}
                    </th>
                    {row.cells.map((cell, index) => (
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric" key={table.columns[index + 1] ?? index}>
                        {cellText(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
