/** A form's Save and Cancel buttons; Save is disabled while the call is under way. */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
  warning = false,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  warning?: boolean;
}) {
  return (
    <div className="ww-actions">
      <button type="submit" className={`nhsuk-button${warning ? ' nhsuk-button--warning' : ''}`} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
