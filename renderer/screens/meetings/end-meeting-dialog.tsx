import { useEffect, useRef } from 'react';

export interface EndMeetingDialogProps {
  /** Cases with nothing recorded so far: they roll forward to the next meeting. */
  readonly notDiscussed: readonly string[];
  /** The case whose notes have not reached the store, if any. */
  readonly unsavedCase: string | undefined;
  readonly busy: boolean;
  readonly message: string | undefined;
  readonly onSaveAndEnd: () => void;
  readonly onEndWithoutSaving: () => void;
  readonly onCancel: () => void;
}

/** Names shown before "and N more": enough to check at a glance, short enough to read out. */
const NAMES_SHOWN = 10;

function namesInBrief(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join('; ');
  return names.length > NAMES_SHOWN ? `${shown}; and ${names.length - NAMES_SHOWN} more` : shown;
}

/**
 * Asks before ending the meeting: ending locks the minutes and moves cases not discussed to the
 * next meeting. With notes not yet saved it says so first and offers to save them. Focus moves
 * into the question and Escape goes back.
 */
export function EndMeetingDialog({
  notDiscussed,
  unsavedCase,
  busy,
  message,
  onSaveAndEnd,
  onEndWithoutSaving,
  onCancel,
}: EndMeetingDialogProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      className="ww-panel ww-end-dialog"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="end-meeting-heading"
      aria-describedby="end-meeting-body"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 className="nhsuk-heading-m" id="end-meeting-heading" tabIndex={-1} ref={heading}>
        {unsavedCase === undefined ? 'End the meeting?' : 'There are unsaved notes'}
      </h2>
      <div id="end-meeting-body">
        {unsavedCase !== undefined && <p>The notes on {unsavedCase} have not been saved yet.</p>}
        {message !== undefined && (
          <p className="nhsuk-error-message" role="alert">
            {message}
          </p>
        )}
        <p>Ending the meeting locks its minutes.</p>
        {notDiscussed.length > 0 ? (
          <p>
            {notDiscussed.length === 1 ? '1 case was' : `${notDiscussed.length} cases were`} not discussed and will move to the next
            meeting: {namesInBrief(notDiscussed)}.
          </p>
        ) : (
          <p>Every case on the agenda has notes, decisions or an agreed plan.</p>
        )}
      </div>
      <div className="ww-actions">
        {unsavedCase !== undefined ? (
          <>
            <button type="button" className="nhsuk-button" disabled={busy} onClick={onSaveAndEnd}>
              Save the notes and end the meeting
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--warning" disabled={busy} onClick={onEndWithoutSaving}>
              End without saving them
            </button>
          </>
        ) : (
          <button type="button" className="nhsuk-button nhsuk-button--warning" disabled={busy} onClick={onEndWithoutSaving}>
            End the meeting
          </button>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Go back to the meeting
        </button>
      </div>
    </div>
  );
}
