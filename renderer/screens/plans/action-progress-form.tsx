import { useState } from 'react';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionPlan } from '../../../core/schemas/action-plan';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';

/** Progress on one action between meetings; the agreed plan itself is not changed. */
export function ActionProgressForm({ plan, onSaved, onCancel }: { plan: ActionPlan; onSaved: () => void; onCancel: () => void }) {
  const api = useApi();
  const [actionId, setActionId] = useState(plan.actions[0]?.id ?? '');
  const [status, setStatus] = useState<(typeof ACTION_STATUSES)[number]>('in_progress');
  const [note, setNote] = useState('');
  const save = useSubmit<unknown>((path) => `progress-${path}`);
  return (
    <form
      {...offers('plans.updateActionStatus')}
      className="ww-panel"
      noValidate
      aria-labelledby="action-progress-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('plans.updateActionStatus', { planId: plan.id, actionId, status, note }), onSaved);
      }}
    >
      <h3 className="nhsuk-heading-s" id="action-progress-heading">
        Update an action
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <SelectInput
        id="progress-actionId"
        label="Action"
        value={actionId}
        options={plan.actions.map((action, index) => ({ value: action.id, label: `${index + 1}. ${action.description.slice(0, 80)}` }))}
        onValueChange={setActionId}
      />
      <SelectInput
        id="progress-status"
        label="Status"
        value={status}
        options={ACTION_STATUSES.map((value) => ({ value, label: ACTION_STATUS_LABELS[value] }))}
        onValueChange={(value) => setStatus(value as typeof status)}
      />
      <TextInput
        id="progress-note"
        label="Note (optional)"
        value={note}
        error={save.fieldErrors['progress-note']}
        onValueChange={setNote}
      />
      <FormActions submitLabel="Save progress" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
