import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { DateInput } from '../../components/date-input';

const fieldId = (path: string) => (path === 'expectedAttendeeIds' ? 'meeting-expected' : `meeting-${path.split('.')[0] ?? path}`);

/** Plans a meeting: date and time, chair, who is expected and the minutes allowed for each case. */
export function MeetingForm({
  config,
  onSaved,
  onCancel,
}: {
  config: PartnershipConfig;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const members = config.teamMembers.filter((member) => member.active);
  const [heldOn, setHeldOn] = useState(todayInLondon());
  const [startsAt, setStartsAt] = useState('10:00');
  const [chairId, setChairId] = useState(config.myTeamMemberId ?? '');
  const [expected, setExpected] = useState<string[]>(members.map((member) => member.id));
  const [minutes, setMinutes] = useState('10');
  const [length, setLength] = useState('90');
  const save = useSubmit<{ id: string }>(fieldId);
  return (
    <form
      {...offers('meetings.create')}
      className="ww-panel"
      noValidate
      aria-labelledby="meeting-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const whole = (text: string) => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
        const minutesPerCase = whole(minutes);
        const durationMinutes = whole(length);
        const notWhole = {
          ...(Number.isNaN(minutesPerCase)
            ? { [fieldId('minutesPerCase')]: 'Enter the minutes for each case as a whole number, like 10' }
            : {}),
          ...(Number.isNaN(durationMinutes) ? { [fieldId('durationMinutes')]: 'Enter the length of the meeting in minutes, like 90' } : {}),
        };
        if (Object.keys(notWhole).length > 0) {
          save.showErrors(notWhole);
          return;
        }
        void save.submit(
          () => api.call('meetings.create', { heldOn, startsAt, chairId, expectedAttendeeIds: expected, minutesPerCase, durationMinutes }),
          (value) => onSaved(value.id),
        );
      }}
    >
      <h2 className="nhsuk-heading-m" id="meeting-form-heading">
        Plan a meeting
      </h2>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <div className="ww-form-row">
        <DateInput
          id={fieldId('heldOn')}
          label="Date"
          value={heldOn}
          error={save.fieldErrors[fieldId('heldOn')]}
          onValueChange={setHeldOn}
        />
        <TextInput
          id={fieldId('startsAt')}
          label="Start time"
          hint="For example 09:30"
          type="time"
          value={startsAt}
          error={save.fieldErrors[fieldId('startsAt')]}
          onValueChange={setStartsAt}
        />
        <TextInput
          id={fieldId('minutesPerCase')}
          label="Minutes for each case"
          inputMode="numeric"
          className="nhsuk-input--width-3"
          value={minutes}
          error={save.fieldErrors[fieldId('minutesPerCase')]}
          onValueChange={setMinutes}
        />
        <TextInput
          id={fieldId('durationMinutes')}
          label="Length of the meeting (minutes)"
          inputMode="numeric"
          className="nhsuk-input--width-3"
          value={length}
          error={save.fieldErrors[fieldId('durationMinutes')]}
          onValueChange={setLength}
        />
      </div>
      <SelectInput
        id={fieldId('chairId')}
        label="Chair"
        placeholder="Choose the chair"
        value={chairId}
        options={members.map((member) => ({ value: member.id, label: `${member.fullName}, ${member.jobTitle}` }))}
        error={save.fieldErrors[fieldId('chairId')]}
        onValueChange={setChairId}
      />
      <CheckboxGroup
        name="meeting-expected"
        legend="Expected to attend"
        error={save.fieldErrors[fieldId('expectedAttendeeIds')]}
        values={expected}
        options={members.map((member) => ({ value: member.id, label: `${member.fullName}, ${member.jobTitle}` }))}
        onValuesChange={setExpected}
      />
      <FormActions submitLabel="Plan the meeting" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
