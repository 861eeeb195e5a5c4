import { useState } from 'react';
import type { ParticipantDetailsSnapshot } from '../../../core/schemas/participant-details-snapshot';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useSubmit } from '../../components/use-submit';
import { fieldIdFor, PersonAndWorkFields, personFormFrom, toPersonInput, type PersonForm } from './person-and-work-fields';

/**
 * Changes a person's details and work after registration, with registration's own fields and rules.
 * The form keeps what was typed whatever happens: when someone else saved first, the record reloads
 * (showing their change in the history, and the version to save from) and the editor saves again.
 */
export function EditDetailsForm({
  participantId,
  version,
  details,
  onSaved,
  onConflict,
  onCancel,
}: {
  participantId: string;
  version: number;
  details: ParticipantDetailsSnapshot;
  onSaved: () => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [form, setForm] = useState<PersonForm>(() => personFormFrom(details));
  const [confirmSameName, setConfirmSameName] = useState(false);
  const save = useSubmit<{ version: number }>(fieldIdFor);
  const set =
    <K extends keyof PersonForm>(key: K) =>
    (value: PersonForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="edit-details-heading"
      aria-busy={save.busy}
      {...offers('participants.editDetails')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(async () => {
          const result = await api.call('participants.editDetails', {
            participantId,
            version,
            ...toPersonInput(form),
            confirmedNotDuplicate: confirmSameName,
          });
          if (!result.ok && result.error.code === 'CONFLICT' && result.error.fields === undefined) {
            if (result.error.message.includes('same name')) setConfirmSameName(true);
            else onConflict();
          }
          return result;
        }, onSaved);
      }}
    >
      <h3 className="nhsuk-heading-s" id="edit-details-heading">
        Change details and work
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <p className="nhsuk-body-s">Saving keeps what the record said before, with who changed it and when.</p>
      <PersonAndWorkFields form={form} set={set} error={(path) => save.fieldErrors[fieldIdFor(path)]} />
      {confirmSameName && <p className="nhsuk-body">Saving again confirms these are different people.</p>}
      <FormActions submitLabel="Save changes" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
