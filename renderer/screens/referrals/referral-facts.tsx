import type { ReactNode } from 'react';

/**
 * A compact list of facts (label, value) for the inbox's cards: a description list, so screen
 * readers pair each label with its value, laid out small so several referrals fit on a laptop screen.
 */
export function ReferralFacts({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: ReadonlyArray<readonly [string, ReactNode]>;
  testId?: string;
}) {
  return (
    <div className="ww-facts">
      <h3 className="ww-facts__title">{title}</h3>
      <dl className="ww-facts__list" data-testid={testId}>
        {rows.map(([label, value]) => (
          <div className="ww-facts__row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
