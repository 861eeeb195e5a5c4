import { useState } from 'react';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { Meeting } from '../../../core/schemas/meetings';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useSubmit } from '../../components/use-submit';

/** Records who is present. Starts from the last record, or everyone expected. */
export function AttendanceForm({
  meeting,
  config,
  onSaved,
  onCancel,
}: {
  meeting: Meeting;
  config: PartnershipConfig;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const api = useApi();
  const members = config.teamMembers.filter((member) => member.active);
  // Expected members first, then the rest of the team: someone may join unexpectedly.
  const ordered = [
    ...members.filter((member) => meeting.expectedAttendeeIds.includes(member.id)),
    ...members.filter((member) => !meeting.expectedAttendeeIds.includes(member.id)),
  ];
  const [present, setPresent] = useState<string[]>(
    meeting.presentIds ?? meeting.expectedAttendeeIds.filter((id) => members.some((member) => member.id === id)),
  );
  const save = useSubmit<unknown>(() => 'attendance-present');
  return (
    <form
      {...offers('meetings.recordAttendance')}
      className="ww-panel"
      noValidate
      aria-labelledby="attendance-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('meetings.recordAttendance', { meetingId: meeting.id, presentIds: present }), onSaved);
      }}
    >
      <h2 className="nhsuk-heading-m" id="attendance-heading">
        Who is here?
      </h2>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <CheckboxGroup
        name="attendance-present"
        legend="Present at this meeting"
        hint="Untick anyone expected who sent apologies."
        error={save.fieldErrors['attendance-present']}
        values={present}
        options={ordered.map((member) => ({
          value: member.id,
          label: `${member.fullName}, ${member.jobTitle}${meeting.expectedAttendeeIds.includes(member.id) ? '' : ' (not expected)'}`,
        }))}
        onValuesChange={setPresent}
      />
      {onCancel === undefined ? (
        <button type="submit" className="nhsuk-button" disabled={save.busy}>
          Record attendance and start
        </button>
      ) : (
        <FormActions submitLabel="Save attendance" busy={save.busy} onCancel={onCancel} />
      )}
    </form>
  );
}
