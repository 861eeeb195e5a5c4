import { useState } from 'react';
import {
  EMPLOYER_LETTER_APPROVAL_METHOD_LABELS,
  EMPLOYER_LETTER_APPROVAL_METHODS,
  type EmployerLetterApproval,
} from '../../../core/schemas/employer-letter-approval';
import { useApi } from '../../api/api-context';
import { canCall, offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime } from '../../format';
import { useSession } from '../../session-context';

export interface EmployerLetterApprovalPanelProps {
  readonly participantId: string;
  /** The adjustments version on screen: the one the person is approving. */
  readonly adjustmentsVersion: number;
  readonly approval: EmployerLetterApproval | null;
  readonly onApproved: () => void;
}

/** What the approval means for the letter, in words. */
function approvalStatus(approval: EmployerLetterApproval | null): string {
  if (approval === null) return 'Not approved by the person yet: the letter can only be downloaded as a draft.';
  const how = EMPLOYER_LETTER_APPROVAL_METHOD_LABELS[approval.method].toLowerCase();
  const given = `${how} on ${formatDateTime(approval.approvedAt)}, recorded by ${approval.recordedByName}`;
  return approval.inForce
    ? `Approved by the person ${given}.`
    : `The letter has changed since the person approved version ${approval.adjustmentsVersion} (${given}): they need to approve it again before it can be sent.`;
}

/**
 * "The person's approval" of their employer letter: whether it covers the letter as it reads now,
 * and, for those who may record it, the form to record that the person approved it (and how).
 * Until then the services layer produces the letter only as a draft.
 */
export function EmployerLetterApprovalPanel({ participantId, adjustmentsVersion, approval, onApproved }: EmployerLetterApprovalPanelProps) {
  const api = useApi();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState('');
  const save = useSubmit<EmployerLetterApproval>((path) => `approval-${path}`);
  return (
    <section aria-labelledby="letter-approval-heading" data-testid="employer-letter-approval">
      <h3 className="nhsuk-heading-s" id="letter-approval-heading">
        The person’s approval of the employer letter
      </h3>
      <p data-testid="employer-letter-approval-status">{approvalStatus(approval)}</p>
      {canCall('adjustments.approveEmployerLetter', user.role) &&
        (open ? (
          <form
            className="ww-panel"
            noValidate
            aria-labelledby="record-approval-heading"
            {...offers('adjustments.approveEmployerLetter')}
            onSubmit={(event) => {
              event.preventDefault();
              void save.submit(
                () => api.call('adjustments.approveEmployerLetter', { participantId, adjustmentsVersion, method: method as never }),
                () => {
                  setOpen(false);
                  setMethod('');
                  onApproved();
                },
              );
            }}
          >
            <h4 className="nhsuk-heading-xs" id="record-approval-heading">
              Record that the person approved the letter (adjustments version {adjustmentsVersion})
            </h4>
            <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
            <p>Only once they have read the draft letter as it is now. Any later change to the letter needs their approval again.</p>
            <SelectInput
              id="approval-method"
              label="How the person gave their approval"
              value={method}
              placeholder="Choose how"
              options={EMPLOYER_LETTER_APPROVAL_METHODS.map((value) => ({ value, label: EMPLOYER_LETTER_APPROVAL_METHOD_LABELS[value] }))}
              error={save.fieldErrors['approval-method']}
              onValueChange={setMethod}
            />
            <FormActions submitLabel="Save the approval" busy={save.busy} onCancel={() => setOpen(false)} />
          </form>
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            {...offers('adjustments.approveEmployerLetter')}
            onClick={() => setOpen(true)}
          >
            Record the person’s approval
          </button>
        ))}
    </section>
  );
}
