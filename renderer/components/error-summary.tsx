import { useEffect, useRef } from 'react';

export interface ErrorSummaryProps {
  readonly title?: string;
  /** Field id -> message; each links to its field. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** An error that belongs to no single field. */
  readonly message?: string | undefined;
}

/**
 * The NHS error summary: shown above the form, focused when it appears so screen readers announce
 * it, each message linking to its field.
 */
export function ErrorSummary({ title = 'There is a problem', fieldErrors, message }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors);
  const visible = entries.length > 0 || message !== undefined;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, fieldErrors, message]);
  if (!visible) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        {message !== undefined && <p>{message}</p>}
        {entries.length > 0 && (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {entries.map(([fieldId, text]) => (
              <li key={fieldId}>
                <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                  {text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function focusField(event: React.MouseEvent, fieldId: string): void {
  // Moving focus rather than following the fragment keeps the app's URL and history untouched.
  event.preventDefault();
  document.getElementById(fieldId)?.focus();
}
