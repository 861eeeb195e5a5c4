import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { TeamMemberEntry } from '../../../core/schemas/config/team-members';
import { PlanActionRow } from '../../../renderer/screens/plans/plan-action-row';
import { impliedOwner } from '../../../renderer/screens/plans/plan-editor';

function member(id: string, disciplineCode: string, active = true): TeamMemberEntry {
  return {
    id,
    fullName: `Member ${id}`,
    disciplineCode,
    jobTitle: 'Clinician',
    professionalBody: 'none',
    registrationNumber: null,
    email: null,
    phone: null,
    userId: null,
    active,
    version: 1,
    updatedAt: '2026-12-06T09:00:00.000Z',
  } as TeamMemberEntry;
}

const CONFIG = {
  disciplines: [
    { code: 'physiotherapy', label: 'Physiotherapy', builtin: true, active: true, version: 1, updatedAt: '' },
    { code: 'mental_health', label: 'Mental health', builtin: true, active: true, version: 1, updatedAt: '' },
  ],
  teamMembers: [
    member('p1', 'physiotherapy'),
    member('p2', 'physiotherapy'),
    member('m1', 'mental_health'),
    member('m2', 'mental_health', false),
  ],
  services: [],
  actionLibrary: [],
  accounts: [],
  clinicalLeads: { usernames: [] },
  myTeamMemberId: null,
} as unknown as PartnershipConfig;

describe('the plan table', () => {
  it('fills the owner of a library action only when exactly one active person of its discipline is there', () => {
    expect(impliedOwner(CONFIG, 'mental_health', undefined)).toBe('m1');
    expect(impliedOwner(CONFIG, 'physiotherapy', undefined)).toBeNull();
    expect(impliedOwner(CONFIG, 'physiotherapy', ['p2', 'm1'])).toBe('p2');
    expect(impliedOwner(CONFIG, 'mental_health', ['p1'])).toBeNull();
  });

  it('labels every control of a row with its column and the action’s number, and offers the three due-date shortcuts inside its NHS date input', () => {
    const html = renderToStaticMarkup(
      <table>
        <tbody>
          <PlanActionRow
            index={1}
            action={{
              id: 'a2',
              goalId: null,
              kind: 'intervention',
              discipline: 'physiotherapy',
              description: 'Six sessions',
              ownerId: 'p1',
              dueOn: null,
              serviceId: null,
            }}
            goals={[]}
            config={CONFIG}
            errorFor={(field) => (field === 'dueOn' ? 'Action 2: give a due date.' : undefined)}
            onChange={() => undefined}
            onRemove={() => undefined}
          />
        </tbody>
      </table>,
    );
    for (const label of ['What will be done, action 2', 'Responsible professional, action 2', 'Discipline, action 2'])
      expect(html).toContain(`>${label}</label>`);
    // The due date is the NHS date input, its legend read under the column header, the shortcuts inside its group.
    expect(html).toContain('<legend class="nhsuk-fieldset__legend nhsuk-u-visually-hidden">Due by, action 2</legend>');
    expect(html).not.toContain('type="date"');
    expect(html).toMatch(/for="plan-actions-1-dueOn">Day<\/label>/);
    for (const words of ['in 1 week', 'in 2 weeks', 'in 1 month']) expect(html).toContain(`aria-label="Due ${words}, action 2"`);
    expect(html).toMatch(
      /<fieldset[^>]*aria-describedby="plan-actions-1-dueOn-error"[\s\S]*aria-label="Due in 1 week, action 2"[\s\S]*<\/fieldset>/,
    );
    expect(html).toContain('Member m1 (Mental health)');
    expect(html).not.toContain('Member m2');
  });
});
