/**
 * A recovery key shown once: large, grouped, with what it is for and what to do with it. Nothing
 * here stores it; once this panel is gone, the app cannot show it again.
 */
export function RecoveryKeyPanel({ recoveryKey, onDone, doneLabel }: { recoveryKey: string; onDone: () => void; doneLabel: string }) {
  return (
    <div className="nhsuk-card nhsuk-card--feature ww-recovery-key" data-testid="recovery-key-panel">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m">Your recovery key</h2>
        <p className="nhsuk-body ww-recovery-key__value" data-testid="recovery-key">
          <code>{recoveryKey}</code>
        </p>
        <p className="nhsuk-body">
          If every administrator forgets their passphrase, this key sets a new one from the unlock screen. Without it, a forgotten
          passphrase cannot be recovered and the records cannot be opened.
        </p>
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              It is shown only now
            </span>
          </h3>
          <p>
            Write it down or print it, and keep it locked away from this computer, like a spare key. Anyone with it and this computer can
            open the records.
          </p>
        </div>
        <button type="button" className="nhsuk-button" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </div>
  );
}
