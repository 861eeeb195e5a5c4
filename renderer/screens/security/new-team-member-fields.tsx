import { ROLE_LABELS, type Role } from '../../../core/roles';
import type { Discipline } from '../../../core/schemas/assessment';
import type { DisciplineEntry } from '../../../core/schemas/config/disciplines';
import {
  PROFESSIONAL_BODIES,
  PROFESSIONAL_BODY_LABELS,
  registrationExample,
  type ProfessionalBody,
} from '../../../core/schemas/config/professional-registration';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';

/** The team entry typed with a new user: the rest (full name, account) comes from the user's own fields. */
export interface NewTeamMember {
  readonly disciplineCode: string;
  readonly jobTitle: string;
  readonly professionalBody: ProfessionalBody | '';
  readonly registrationNumber: string;
}

const ROLE_DISCIPLINE: Readonly<Partial<Record<Role, Discipline>>> = {
  coach: 'employment_support',
  physiotherapist: 'physiotherapy',
  mental_health_practitioner: 'mental_health',
  occupational_therapist: 'occupational_therapy',
};

/** Physiotherapists and OTs are HCPC-registered; coaches hold no registration; the others vary, so are left to choose. */
const ROLE_BODY: Readonly<Partial<Record<Role, ProfessionalBody>>> = {
  coach: 'none',
  physiotherapist: 'hcpc',
  occupational_therapist: 'hcpc',
};

/**
 * What the role already says about the team entry: its discipline, job title and professional body.
 * Fills only what is still blank, so nothing the administrator typed is replaced when the role changes.
 */
export function withRoleDefaults(member: NewTeamMember, role: Role | ''): NewTeamMember {
  if (role === '') return member;
  return {
    ...member,
    disciplineCode: member.disciplineCode === '' ? (ROLE_DISCIPLINE[role] ?? '') : member.disciplineCode,
    jobTitle: member.jobTitle === '' ? ROLE_LABELS[role] : member.jobTitle,
    professionalBody: member.professionalBody === '' ? (ROLE_BODY[role] ?? '') : member.professionalBody,
  };
}

export const EMPTY_TEAM_MEMBER: NewTeamMember = { disciplineCode: '', jobTitle: '', professionalBody: '', registrationNumber: '' };

/** The field id of each team entry field, shared with the form's error mapping. */
export function newMemberFieldId(path: string): string {
  return `user-member-${path}`;
}

/** The team entry's fields inside the Add user form: discipline, job title, professional body and registration. */
export function NewTeamMemberFields({
  member,
  disciplines,
  errors,
  onChange,
}: {
  member: NewTeamMember;
  disciplines: readonly DisciplineEntry[];
  errors: Readonly<Record<string, string>>;
  onChange: (member: NewTeamMember) => void;
}) {
  const example = member.professionalBody === '' ? undefined : registrationExample(member.professionalBody);
  const id = newMemberFieldId;
  return (
    <fieldset className="nhsuk-fieldset ww-panel">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Their entry in the team</legend>
      <SelectInput
        id={id('disciplineCode')}
        label="Discipline"
        value={member.disciplineCode}
        placeholder="Choose a discipline"
        options={disciplines
          .filter((discipline) => discipline.active)
          .map((discipline) => ({ value: discipline.code, label: discipline.label }))}
        error={errors[id('disciplineCode')]}
        onValueChange={(disciplineCode) => onChange({ ...member, disciplineCode })}
      />
      <TextInput
        id={id('jobTitle')}
        label="Job title"
        value={member.jobTitle}
        error={errors[id('jobTitle')]}
        onValueChange={(jobTitle) => onChange({ ...member, jobTitle })}
        autoComplete="off"
      />
      <SelectInput
        id={id('professionalBody')}
        label="Professional body"
        value={member.professionalBody}
        placeholder="Choose a professional body"
        options={PROFESSIONAL_BODIES.map((body) => ({ value: body, label: PROFESSIONAL_BODY_LABELS[body] }))}
        error={errors[id('professionalBody')]}
        onValueChange={(value) => onChange({ ...member, professionalBody: value as ProfessionalBody | '' })}
      />
      {member.professionalBody !== 'none' && (
        <TextInput
          id={id('registrationNumber')}
          label="Registration number"
          hint={example === undefined ? 'Choose the professional body first' : `For example ${example}`}
          value={member.registrationNumber}
          error={errors[id('registrationNumber')]}
          onValueChange={(registrationNumber) => onChange({ ...member, registrationNumber })}
          className="nhsuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </fieldset>
  );
}
