import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import { PERSON_AGREEMENT_METHOD_LABELS, PERSON_AGREEMENT_METHODS, type ActionPlan } from '../../../core/schemas/action-plan';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { useSubmit } from '../../components/use-submit';
import { planFieldId } from './plan-field-id';

type Method = (typeof PERSON_AGREEMENT_METHODS)[number];

/** Records when and how the person agreed the plan the MDT agreed. */
export function PersonAgreementForm({ plan, onSaved, onCancel }: { plan: ActionPlan; onSaved: () => void; onCancel: () => void }) {
  const api = useApi();
  const [agreedOn, setAgreedOn] = useState(todayInLondon());
  const [method, setMethod] = useState<Method>('in_person');
  const save = useSubmit<unknown>(planFieldId);
  return (
    <form
      {...offers('plans.agreeWithPerson')}
      className="ww-panel"
      noValidate
      aria-labelledby="person-agreement-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('plans.agreeWithPerson', { planId: plan.id, agreedOn, method }), onSaved);
      }}
    >
      <h3 className="nhsuk-heading-s" id="person-agreement-heading">
        The person’s agreement
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <DateInput
        id={planFieldId('agreedOn')}
        label="Date they agreed it"
        value={agreedOn}
        error={save.fieldErrors[planFieldId('agreedOn')]}
        onValueChange={setAgreedOn}
      />
      <RadioGroup
        name={planFieldId('method')}
        legend="How they agreed it"
        value={method}
        onValueChange={setMethod}
        options={PERSON_AGREEMENT_METHODS.map((value) => ({ value, label: PERSON_AGREEMENT_METHOD_LABELS[value] }))}
      />
      <FormActions submitLabel="Record their agreement" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
