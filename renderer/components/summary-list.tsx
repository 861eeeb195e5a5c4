import type { ReactNode } from 'react';

/** An NHS summary list: label and value rows. */
export function SummaryList({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([label, content]) => (
        <div className="nhsuk-summary-list__row" key={label}>
          <dt className="nhsuk-summary-list__key">{label}</dt>
          <dd className="nhsuk-summary-list__value">{content}</dd>
        </div>
      ))}
    </dl>
  );
}
