import { useState } from 'react';
import { ROLE_LABELS } from '../../../core/roles';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import {
  PROFESSIONAL_BODIES,
  PROFESSIONAL_BODY_LABELS,
  registrationExample,
  type ProfessionalBody,
} from '../../../core/schemas/config/professional-registration';
import type { SaveTeamMemberInput, TeamMemberEntry } from '../../../core/schemas/config/team-members';
import { useApi } from '../../api/api-context';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { EntryForm } from './entry-form';

type Form = {
  fullName: string;
  disciplineCode: string;
  jobTitle: string;
  professionalBody: ProfessionalBody | '';
  registrationNumber: string;
  email: string;
  phone: string;
  userId: string;
};

function formOf(member: TeamMemberEntry): Form {
  return {
    fullName: member.fullName,
    disciplineCode: member.disciplineCode,
    jobTitle: member.jobTitle,
    professionalBody: member.professionalBody,
    registrationNumber: member.registrationNumber ?? '',
    email: member.email ?? '',
    phone: member.phone ?? '',
    userId: member.userId ?? '',
  };
}

/** The save input for an existing entry, as it is now (deactivating sends this with `active` flipped). */
export function teamMemberInput(member: TeamMemberEntry): SaveTeamMemberInput {
  return { ...formOf(member), professionalBody: member.professionalBody, active: member.active };
}

const EMPTY: Form = {
  fullName: '',
  disciplineCode: '',
  jobTitle: '',
  professionalBody: '',
  registrationNumber: '',
  email: '',
  phone: '',
  userId: '',
};

const fieldId = (path: string) => `member-${path}`;

/** Add or edit a team member. Only active disciplines are offered, plus the member's own. */
export function TeamMemberForm({
  config,
  entry,
  onSaved,
  onCancel,
}: {
  config: PartnershipConfig;
  entry: TeamMemberEntry | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [form, setForm] = useState<Form>(entry === undefined ? EMPTY : formOf(entry));
  const save = useSubmit<TeamMemberEntry>(fieldId);
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const error = (path: string) => save.fieldErrors[fieldId(path)];

  const disciplines = config.disciplines.filter((discipline) => discipline.active || discipline.code === entry?.disciplineCode);
  const linkedElsewhere = new Set(
    config.teamMembers.filter((member) => member.id !== entry?.id && member.userId !== null).map((member) => member.userId),
  );
  const accounts = config.accounts.filter((account) => !linkedElsewhere.has(account.id));
  const example = form.professionalBody === '' ? undefined : registrationExample(form.professionalBody);

  const submit = () =>
    void save.submit(
      () =>
        api.call('config.saveTeamMember', {
          ...form,
          professionalBody: form.professionalBody as ProfessionalBody,
          registrationNumber: form.professionalBody === 'none' ? '' : form.registrationNumber,
          ...(entry === undefined ? {} : { id: entry.id, version: entry.version, active: entry.active }),
        }),
      (saved) => onSaved(`${saved.fullName} saved.`),
    );

  return (
    <EntryForm
      channel="config.saveTeamMember"
      id="member-form"
      title={entry === undefined ? 'Add a team member' : `Edit ${entry.fullName}`}
      submitLabel="Save team member"
      state={save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextInput
        id="member-fullName"
        label="Full name"
        value={form.fullName}
        error={error('fullName')}
        onValueChange={set('fullName')}
        autoComplete="off"
      />
      <SelectInput
        id="member-disciplineCode"
        label="Discipline"
        value={form.disciplineCode}
        placeholder="Choose a discipline"
        options={disciplines.map((discipline) => ({
          value: discipline.code,
          label: discipline.active ? discipline.label : `${discipline.label} (inactive)`,
        }))}
        error={error('disciplineCode')}
        onValueChange={set('disciplineCode')}
      />
      <TextInput
        id="member-jobTitle"
        label="Job title"
        hint="For example Work and Health Coach, MSK physiotherapist, Counsellor"
        value={form.jobTitle}
        error={error('jobTitle')}
        onValueChange={set('jobTitle')}
        autoComplete="off"
      />
      <SelectInput
        id="member-professionalBody"
        label="Professional body"
        hint="The regulator or register they are on. Choose None for roles without one, such as Work and Health Coaches."
        value={form.professionalBody}
        placeholder="Choose a professional body"
        options={PROFESSIONAL_BODIES.map((body) => ({ value: body, label: PROFESSIONAL_BODY_LABELS[body] }))}
        error={error('professionalBody')}
        onValueChange={(value) => set('professionalBody')(value as ProfessionalBody | '')}
      />
      {form.professionalBody !== 'none' && (
        <TextInput
          id="member-registrationNumber"
          label="Registration number"
          hint={example === undefined ? 'Choose the professional body first' : `For example ${example}`}
          value={form.registrationNumber}
          error={error('registrationNumber')}
          onValueChange={set('registrationNumber')}
          className="nhsuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <TextInput
        id="member-email"
        type="email"
        label="Work email (optional)"
        value={form.email}
        error={error('email')}
        onValueChange={set('email')}
        autoComplete="off"
      />
      <TextInput
        id="member-phone"
        type="tel"
        label="Work phone (optional)"
        value={form.phone}
        error={error('phone')}
        onValueChange={set('phone')}
        className="nhsuk-u-width-one-half"
        autoComplete="off"
      />
      <SelectInput
        id="member-userId"
        label="App account (optional)"
        hint="The account they sign in with, so the app knows which team member they are"
        value={form.userId}
        placeholder="No app account"
        options={accounts.map((account) => ({
          value: account.id,
          label: `${account.displayName} (${account.username}, ${ROLE_LABELS[account.role]})`,
        }))}
        error={error('userId')}
        onValueChange={set('userId')}
      />
    </EntryForm>
  );
}
