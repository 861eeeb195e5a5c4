/**
 * Said where an administrator would otherwise see the clinical record: the service does not send
 * it to them at all (least privilege), so the screen says why it is missing rather than looking empty.
 */
export function ClinicalWithheldNotice() {
  return (
    <p className="nhsuk-inset-text" data-testid="clinical-withheld">
      Clinical content (assessments, outcome measures, risk flags, the action plan and workplace adjustments) is not shown to
      administrators.
    </p>
  );
}
