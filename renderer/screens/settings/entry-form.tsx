import type { Channel } from '../../../core/channels';
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import type { SubmitState } from '../../components/use-submit';
import { offers } from '../../can-call';

/**
 * The Add / Edit form of a settings entry: a panel whose heading takes focus when it opens, the
 * error summary, the fields, and Save / Cancel.
 */
export function EntryForm({
  id,
  channel,
  title,
  submitLabel,
  state,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  /** The channel Save calls, for the role walk (renderer/can-call.ts offers). */
  channel: Channel;
  title: string;
  submitLabel: string;
  state: SubmitState;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby={`${id}-heading`}
      aria-busy={state.busy}
      {...offers(channel)}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 className="nhsuk-heading-m" id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <ErrorSummary fieldErrors={state.fieldErrors} message={state.message} />
      {children}
      <FormActions submitLabel={submitLabel} busy={state.busy} onCancel={onCancel} />
    </form>
  );
}
