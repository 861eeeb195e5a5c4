/**
 * Under a refused decision: a referral someone else decided first (a compare-and-set on its version,
 * here or on another laptop) is explained plainly, with a way to see the inbox as it is now.
 */
export function DecidedElsewhere({ message, onReload }: { message: string | undefined; onReload: () => void }) {
  if (message === undefined) return null;
  return (
    <div className="nhsuk-inset-text">
      <p className="nhsuk-body">
        If someone else accepted or declined this referral while you had it open, your decision was not saved and nothing changed: their
        decision stands.
      </p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onReload}>
        Show the inbox as it is now
      </button>
    </div>
  );
}
