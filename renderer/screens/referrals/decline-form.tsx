import { useEffect, useRef, useState } from 'react';
import { DECLINE_REASON_LABELS, DECLINE_REASONS, type DeclineReason } from '../../../core/referrals/inbox-referral';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { useSubmit } from '../../components/use-submit';
import { DecidedElsewhere } from './decided-elsewhere';

const REASON_REQUIRED = 'Choose why the referral is declined';

/**
 * Declines one waiting referral with a reason from the fixed list (required, so the declines can be
 * counted for the MI return). The reason's select takes the focus when the form opens.
 */
export function DeclineForm(props: { entry: InboxEntry; onDeclined: () => void; onCancel: () => void; onReload: () => void }) {
  const { entry, onDeclined, onCancel, onReload } = props;
  const api = useApi();
  const fieldId = `decline-reason-${entry.id}`;
  const [reason, setReason] = useState('');
  const decline = useSubmit<unknown>((path) => (path === 'reason' ? fieldId : path));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector('select')?.focus();
  }, []);
  return (
    <form
      ref={form}
      noValidate
      aria-label={`Decline the referral of ${entry.givenName} ${entry.familyName}`}
      {...offers('referrals.decline')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!(DECLINE_REASONS as readonly string[]).includes(reason)) {
          decline.showErrors({ [fieldId]: REASON_REQUIRED });
          return;
        }
        void decline.submit(
          () => api.call('referrals.decline', { id: entry.id, version: entry.version, reason: reason as DeclineReason }),
          onDeclined,
        );
      }}
    >
      <ErrorSummary fieldErrors={decline.fieldErrors} message={decline.message} />
      <SelectInput
        id={fieldId}
        label="Why is the referral declined?"
        hint="Declined referrals are kept and counted for the MI return."
        value={reason}
        placeholder="Choose a reason"
        options={DECLINE_REASONS.map((value) => ({ value, label: DECLINE_REASON_LABELS[value] }))}
        error={decline.fieldErrors[fieldId]}
        onValueChange={setReason}
      />
      <FormActions submitLabel="Decline referral" busy={decline.busy} onCancel={onCancel} warning />
      <DecidedElsewhere message={decline.message} onReload={onReload} />
    </form>
  );
}
