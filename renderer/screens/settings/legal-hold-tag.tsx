import type { LegalHold } from '../../../core/schemas/retention';

/** Whether a record is under a legal hold: a held record cannot be deleted. */
export function LegalHoldTag({ hold }: { hold: LegalHold | null }) {
  return hold === null ? (
    <strong className="nhsuk-tag nhsuk-tag--grey">No hold</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--orange">On legal hold</strong>
  );
}
