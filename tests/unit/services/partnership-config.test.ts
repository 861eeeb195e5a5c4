import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { DirectoryServiceEntry } from '../../../core/schemas/config/directory-services';
import type { DisciplineEntry } from '../../../core/schemas/config/disciplines';
import type { TeamMemberEntry } from '../../../core/schemas/config/team-members';
import { createAppServices } from '../../../services/app-services';
import { resultValue as value } from '../../support/result-value';
import { tempDir } from '../../support/temp-dir';
import { testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

/** A new (not demo) partnership, signed in as its administrator. */
async function adminSignedIn() {
  const services = createAppServices({ dataDir: tempDir(), clock: () => new Date('2026-11-23T10:00:00Z') });
  value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
  return services;
}

const config = async (services: Awaited<ReturnType<typeof adminSignedIn>>) =>
  value<PartnershipConfig>(await services.dispatch('config.get', {}));

const PHYSIO = {
  fullName: 'Robin Example',
  disciplineCode: 'physiotherapy',
  jobTitle: 'Physiotherapist',
  professionalBody: 'hcpc',
  registrationNumber: 'PH123456',
  email: 'robin.example@example.org',
  phone: '0114 496 0999',
};

const SERVICE = {
  name: 'Example Money Advice',
  category: 'debt_money_advice',
  description: 'Free debt advice.',
  eligibility: 'Anyone living in the area.',
  phone: '0114 496 0998',
  referralMethods: ['self_referral'],
};

describe('partnership configuration', () => {
  it('a new partnership starts with the four built-in disciplines, no team and an empty directory', async () => {
    const services = await adminSignedIn();
    const initial = await config(services);
    expect(initial.disciplines.map((discipline) => [discipline.code, discipline.builtin, discipline.active])).toEqual([
      ['employment_support', true, true],
      ['physiotherapy', true, true],
      ['mental_health', true, true],
      ['occupational_therapy', true, true],
    ]);
    expect(initial.disciplines[1]).toMatchObject({ label: 'Physiotherapy', version: 1 });
    expect(initial).toMatchObject({
      teamMembers: [],
      services: [],
      myTeamMemberId: null,
      accounts: [{ username: 'test.admin', role: 'administrator' }],
    });
    await services.close();
  });

  it('only administrators may change it: any role may read it, a coach is refused FORBIDDEN and nothing changes', async () => {
    const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
    value(await services.dispatch('setup.createDemoPartnership', {}));
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: DEMO_PARTNERSHIP.passphrase }));
    const before = await config(services);
    expect(before.myTeamMemberId).toBe(before.teamMembers.find((member) => member.fullName === 'Sam Okafor-Reid')?.id);
    for (const [channel, input] of [
      ['config.saveDiscipline', { label: 'Dietetics' }],
      ['config.saveTeamMember', PHYSIO],
      ['config.saveService', SERVICE],
    ] as const) {
      expect(await services.dispatch(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await config(services)).toEqual(before);
    await services.close();
  });

  describe('disciplines', () => {
    it('adds a local discipline with a stable code that survives a rename', async () => {
      const services = await adminSignedIn();
      const added = value<DisciplineEntry>(await services.dispatch('config.saveDiscipline', { label: '  Welfare rights ' }));
      expect(added).toMatchObject({ code: 'local-welfare-rights', label: 'Welfare rights', builtin: false, active: true, version: 1 });
      const renamed = value<DisciplineEntry>(
        await services.dispatch('config.saveDiscipline', { code: added.code, version: 1, label: 'Welfare rights and benefits' }),
      );
      expect(renamed).toMatchObject({ code: 'local-welfare-rights', label: 'Welfare rights and benefits', version: 2 });
      // Same slug, different name: the code gets a number rather than colliding.
      const similar = value<DisciplineEntry>(await services.dispatch('config.saveDiscipline', { label: 'Welfare Rights!' }));
      expect(similar.code).toBe('local-welfare-rights-2');
      await services.close();
    });

    it('refuses a missing or duplicate name, field by field', async () => {
      const services = await adminSignedIn();
      value(await services.dispatch('config.saveDiscipline', { label: 'Dietetics' }));
      expect(await services.dispatch('config.saveDiscipline', { label: ' ' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { label: 'Enter the name of the discipline' } },
      });
      expect(await services.dispatch('config.saveDiscipline', { label: 'DIETETICS' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { label: 'There is already a discipline called “Dietetics”' } },
      });
      expect(await services.dispatch('config.saveDiscipline', { label: 'physiotherapy' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { label: 'There is already a discipline called “Physiotherapy”' } },
      });
      expect(await services.dispatch('config.saveDiscipline', { label: 'x'.repeat(81) })).toMatchObject({
        ok: false,
        error: { fields: { label: 'The name must be 80 characters or fewer' } },
      });
      expect((await config(services)).disciplines).toHaveLength(5);
      await services.close();
    });

    it('a built-in discipline can be deactivated and reactivated but keeps its national name', async () => {
      const services = await adminSignedIn();
      const off = value<DisciplineEntry>(
        await services.dispatch('config.saveDiscipline', { code: 'occupational_therapy', version: 1, active: false }),
      );
      expect(off).toMatchObject({ code: 'occupational_therapy', label: 'Occupational therapy', builtin: true, active: false, version: 2 });
      expect(
        await services.dispatch('config.saveDiscipline', { code: 'occupational_therapy', version: 2, label: 'OT', active: true }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { label: expect.stringContaining('keeps its national name') } },
      });
      expect(
        value<DisciplineEntry>(
          await services.dispatch('config.saveDiscipline', { code: 'occupational_therapy', version: 2, active: true }),
        ),
      ).toMatchObject({ active: true, version: 3 });
      expect(await services.dispatch('config.saveDiscipline', { code: 'not a code', version: 1 })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { code: 'Choose a discipline from the list' } },
      });
      expect(await services.dispatch('config.saveDiscipline', { code: 'local-nothing', version: 1, label: 'Nothing' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      await services.close();
    });

    it('an update must name the version it edits; a stale version is a CONFLICT and changes nothing', async () => {
      const services = await adminSignedIn();
      const added = value<DisciplineEntry>(await services.dispatch('config.saveDiscipline', { label: 'Peer support' }));
      expect(await services.dispatch('config.saveDiscipline', { code: added.code, label: 'Peer mentors' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { version: expect.any(String) } },
      });
      value(await services.dispatch('config.saveDiscipline', { code: added.code, version: 1, label: 'Peer mentors' }));
      const stale = await services.dispatch('config.saveDiscipline', { code: added.code, version: 1, label: 'Lived experience' });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('Someone else saved a change to “Peer mentors”') },
      });
      expect((await config(services)).disciplines.find((discipline) => discipline.code === added.code)).toMatchObject({
        label: 'Peer mentors',
        version: 2,
      });
      await services.close();
    });
  });

  describe('team members', () => {
    it('adds a member, normalising the registration number, and links them to an app account', async () => {
      const services = await adminSignedIn();
      const admin = (await config(services)).accounts[0];
      const saved = value<TeamMemberEntry>(
        await services.dispatch('config.saveTeamMember', { ...PHYSIO, registrationNumber: 'ph 123 456', userId: admin?.id }),
      );
      expect(saved).toMatchObject({
        fullName: 'Robin Example',
        registrationNumber: 'PH123456',
        userId: admin?.id,
        active: true,
        version: 1,
      });
      expect((await config(services)).myTeamMemberId).toBe(saved.id);
      const second = await services.dispatch('config.saveTeamMember', {
        ...PHYSIO,
        fullName: 'Another Person',
        registrationNumber: 'PH654321',
        userId: admin?.id,
      });
      expect(second).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { userId: 'That account is already linked to Robin Example' } },
      });
      const sameNumber = await services.dispatch('config.saveTeamMember', { ...PHYSIO, fullName: 'Another Person' });
      expect(sameNumber).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { registrationNumber: 'That HCPC number is already recorded for Robin Example' } },
      });
      expect(
        await services.dispatch('config.saveTeamMember', {
          ...PHYSIO,
          fullName: 'Another Person',
          registrationNumber: 'PH654321',
          userId: 'no-such-user',
        }),
      ).toMatchObject({
        ok: false,
        error: { fields: { userId: 'Choose an app account from the list' } },
      });
      expect((await config(services)).teamMembers).toHaveLength(1);
      await services.close();
    });

    it('gives a human message for every field that is wrong, all at once', async () => {
      const services = await adminSignedIn();
      const result = await services.dispatch('config.saveTeamMember', {
        fullName: '',
        disciplineCode: '',
        jobTitle: ' ',
        professionalBody: 'hcpc',
        registrationNumber: 'PH12X',
        email: 'not-an-email',
        phone: '12345',
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fields: {
            fullName: 'Enter the full name',
            disciplineCode: 'Choose the discipline',
            jobTitle: 'Enter the job title',
            registrationNumber: 'Enter an HCPC number: the profession code then up to 6 digits, like PH123456 or OT12345',
            email: 'Enter an email address like name@example.com',
            phone: 'Enter a phone number like 0114 496 0000 or +44 114 496 0000',
          },
        },
      });
      expect(await services.dispatch('config.saveTeamMember', { ...PHYSIO, professionalBody: undefined })).toMatchObject({
        ok: false,
        error: { fields: { professionalBody: 'Choose the professional body, or None' } },
      });
      expect(await services.dispatch('config.saveTeamMember', { ...PHYSIO, disciplineCode: 'local-unknown' })).toMatchObject({
        ok: false,
        error: { fields: { disciplineCode: 'Choose a discipline from the list' } },
      });
      await services.close();
    });

    it('checks the registration number against the chosen body (the full table of formats is in the core tests)', async () => {
      const services = await adminSignedIn();
      for (const [professionalBody, registrationNumber, valid] of [
        ['hcpc', 'OT12345', true],
        ['hcpc', 'XY123456', false],
        ['nmc', '12a 3456 e', true],
        ['nmc', '12A3456', false],
        ['none', '', true],
        ['none', 'PH123456', false],
      ] as const) {
        const result = await services.dispatch('config.saveTeamMember', { ...PHYSIO, professionalBody, registrationNumber });
        if (valid) expect(result.ok, `${professionalBody} ${registrationNumber}`).toBe(true);
        else
          expect(result, `${professionalBody} ${registrationNumber}`).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION', fields: { registrationNumber: expect.any(String) } },
          });
      }
      expect((await config(services)).teamMembers.map((member) => member.registrationNumber).sort()).toEqual(['12A3456E', 'OT12345', null]);
      await services.close();
    });

    it('deactivating a member who left keeps their entry; an inactive discipline is refused for new members', async () => {
      const services = await adminSignedIn();
      const saved = value<TeamMemberEntry>(await services.dispatch('config.saveTeamMember', PHYSIO));
      const left = value<TeamMemberEntry>(
        await services.dispatch('config.saveTeamMember', { ...PHYSIO, id: saved.id, version: 1, active: false }),
      );
      expect(left).toMatchObject({ id: saved.id, active: false, version: 2 });
      expect((await config(services)).teamMembers).toEqual([left]);
      expect(
        await services.dispatch('config.saveTeamMember', { ...PHYSIO, id: saved.id, version: 1, jobTitle: 'Lead physiotherapist' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      value(await services.dispatch('config.saveDiscipline', { code: 'physiotherapy', version: 1, active: false }));
      expect(
        await services.dispatch('config.saveTeamMember', { ...PHYSIO, fullName: 'New Starter', registrationNumber: 'PH222222' }),
      ).toMatchObject({
        ok: false,
        error: {
          fields: { disciplineCode: 'Physiotherapy is not active in this team. Reactivate it under Disciplines first, or choose another.' },
        },
      });
      // The member already in that discipline can still be edited.
      value(
        await services.dispatch('config.saveTeamMember', {
          ...PHYSIO,
          id: saved.id,
          version: 2,
          active: false,
          jobTitle: 'Physiotherapist (left)',
        }),
      );
      await services.close();
    });
  });

  describe('service directory', () => {
    it('adds a service, tidies its web address, and keeps it when deactivated', async () => {
      const services = await adminSignedIn();
      const saved = value<DirectoryServiceEntry>(
        await services.dispatch('config.saveService', { ...SERVICE, website: 'www.money.example.org' }),
      );
      expect(saved).toMatchObject({
        name: 'Example Money Advice',
        website: 'https://www.money.example.org',
        email: null,
        referralMethods: ['self_referral'],
        active: true,
        version: 1,
      });
      const off = value<DirectoryServiceEntry>(
        await services.dispatch('config.saveService', { ...SERVICE, id: saved.id, version: 1, active: false }),
      );
      expect(off).toMatchObject({ id: saved.id, active: false, version: 2, website: null });
      expect((await config(services)).services).toEqual([off]);
      expect(await services.dispatch('config.saveService', { ...SERVICE, id: saved.id, version: 1 })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await services.dispatch('config.saveService', { ...SERVICE, name: 'example money advice' })).toMatchObject({
        ok: false,
        error: { fields: { name: 'There is already a service called “Example Money Advice” in the directory' } },
      });
      await services.close();
    });

    it('refuses a service with no way to contact it, a bad web address or no referral method', async () => {
      const services = await adminSignedIn();
      expect(
        await services.dispatch('config.saveService', { ...SERVICE, phone: '', name: '', category: 'nonsense', referralMethods: [] }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fields: {
            name: 'Enter the name of the service',
            category: 'Choose the category',
            referralMethods: 'Choose at least one way people are referred',
          },
        },
      });
      expect(await services.dispatch('config.saveService', { ...SERVICE, phone: '' })).toMatchObject({
        ok: false,
        error: { fields: { phone: expect.stringContaining('at least one way to contact') } },
      });
      expect(await services.dispatch('config.saveService', { ...SERVICE, website: 'javascript:alert(1)' })).toMatchObject({
        ok: false,
        error: { fields: { website: 'Enter a website like www.example.org' } },
      });
      expect(await services.dispatch('config.saveService', { ...SERVICE, email: 'nobody' })).toMatchObject({
        ok: false,
        error: { fields: { email: 'Enter an email address like name@example.com' } },
      });
      expect((await config(services)).services).toEqual([]);
      await services.close();
    });
  });

  it('the demo partnership has a team linked to its users and a directory across the categories, with synthetic contacts only', async () => {
    const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
    value(await services.dispatch('setup.createDemoPartnership', {}));
    const demo = await config(services);
    const accountOf = (username: string) => demo.accounts.find((account) => account.username === username)?.id;
    for (const [username, discipline] of [
      ['demo.coach', 'employment_support'],
      ['demo.physio', 'physiotherapy'],
      ['demo.mh', 'mental_health'],
      ['demo.ot', 'occupational_therapy'],
      ['demo.coordinator', 'mental_health'],
    ] as const) {
      expect(demo.teamMembers.find((member) => member.userId === accountOf(username))).toMatchObject({
        disciplineCode: discipline,
        active: true,
      });
    }
    expect(demo.disciplines.filter((discipline) => !discipline.builtin).map((discipline) => [discipline.label, discipline.active])).toEqual(
      [
        ['Dietetics', false],
        ['Peer support', true],
        ['Welfare rights', true],
      ],
    );
    expect(demo.services.length).toBeGreaterThanOrEqual(15);
    expect(new Set(demo.services.map((service) => service.category)).size).toBeGreaterThanOrEqual(14);
    expect(demo.services.filter((service) => !service.active)).toHaveLength(1);
    const contacts = [...demo.services, ...demo.teamMembers];
    for (const entry of contacts) {
      if (entry.phone !== null) expect(entry.phone).toMatch(/^(0114 496 0\d{3}|020 7946 0\d{3}|0808 157 0\d{3}|03069 990\d{3})$/);
      if (entry.email !== null) expect(entry.email).toMatch(/@([a-z0-9-]+\.)*example\.org$/);
    }
    for (const service of demo.services)
      if (service.website !== null) expect(new URL(service.website).hostname).toMatch(/(^|\.)example\.org$/);
    await services.close();
  });
});
