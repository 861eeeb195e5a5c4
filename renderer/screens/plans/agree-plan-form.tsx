import { useState } from 'react';
import type { ActionPlan } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { useSubmit } from '../../components/use-submit';
import { planFieldId } from './plan-field-id';

export interface AgreePlanFormProps {
  readonly plan: ActionPlan;
  readonly config: PartnershipConfig;
  readonly meeting?: { readonly id: string; readonly attendeeTeamMemberIds: readonly string[] };
  readonly onAgreed: () => void;
  readonly onCancel: () => void;
}

/**
 * The MDT agrees the draft: who was there, and a second member who checked the plan as recorded.
 * In a meeting the attendance is already known and is ticked for you.
 */
export function AgreePlanForm({ plan, config, meeting, onAgreed, onCancel }: AgreePlanFormProps) {
  const api = useApi();
  const members = config.teamMembers.filter((member) => member.active);
  const [attendeeIds, setAttendeeIds] = useState<string[]>(
    meeting === undefined ? (config.myTeamMemberId === null ? [] : [config.myTeamMemberId]) : [...meeting.attendeeTeamMemberIds],
  );
  const [checkedById, setCheckedById] = useState('');
  const agree = useSubmit<unknown>(planFieldId);
  const checkers = members.filter((member) => attendeeIds.includes(member.id) && member.id !== config.myTeamMemberId);
  return (
    <form
      {...offers('plans.agreeByMdt')}
      className="ww-panel"
      noValidate
      aria-labelledby="agree-plan-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void agree.submit(
          () =>
            api.call('plans.agreeByMdt', {
              planId: plan.id,
              revision: plan.revision,
              meetingId: meeting?.id ?? null,
              attendeeIds,
              checkedById,
            }),
          onAgreed,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="agree-plan-heading">
        Agree version {plan.versionNumber} of the plan
      </h3>
      <p className="nhsuk-body-s">Once agreed, this version is locked. A later change makes a new version; this one is kept.</p>
      <ErrorSummary fieldErrors={agree.fieldErrors} message={agree.message} />
      <CheckboxGroup
        name={planFieldId('attendeeIds')}
        legend="Who agreed it (present at the MDT)"
        values={attendeeIds}
        options={members.map((member) => ({ value: member.id, label: `${member.fullName}, ${member.jobTitle}` }))}
        onValuesChange={setAttendeeIds}
      />
      <SelectInput
        id={planFieldId('checkedById')}
        label="Checked by (a second member of the team)"
        hint="They confirm the plan on screen is what the team agreed."
        placeholder="Choose who checked it"
        value={checkedById}
        options={checkers.map((member) => ({ value: member.id, label: member.fullName }))}
        error={agree.fieldErrors[planFieldId('checkedById')]}
        onValueChange={setCheckedById}
      />
      <FormActions submitLabel="Agree the plan" busy={agree.busy} onCancel={onCancel} />
    </form>
  );
}
