import type { ReactNode } from 'react';

/**
 * The confirm step before something that cannot be undone (revoking a user or a laptop): a
 * warning callout that takes focus, says what will happen, and offers the act or Cancel.
 */
export function ConfirmCallout({
  heading,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
  children,
}: {
  heading: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="nhsuk-warning-callout" data-testid={testId}>
      <h2 className="nhsuk-warning-callout__label" tabIndex={-1} ref={(element) => element?.focus()}>
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </span>
      </h2>
      {children}
      <div className="ww-actions">
        <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
