import type { ReactNode } from 'react';

/**
 * An NHS table's head row: one `<th scope="col">` per column, in order, so screen readers announce
 * each cell with its column. A heading may be a node, such as a visually hidden "Remove" over a
 * column of buttons.
 */
export function ColumnHeaders({ headers }: { headers: readonly ReactNode[] }) {
  return (
    <thead className="nhsuk-table__head">
      <tr className="nhsuk-table__row">
        {headers.map((header, index) => (
          <th scope="col" className="nhsuk-table__header" key={index}>
            {header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
