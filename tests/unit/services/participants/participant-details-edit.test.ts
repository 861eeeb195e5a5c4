import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../core/schemas/audit';
import type { EditDetailsInput } from '../../../../core/schemas/participant-details-edit';
import type { ParticipantView } from '../../../../core/schemas/participant-record';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { testReferral } from '../../../support/test-referral';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** An edit of the registered person that changes only what `change` says. */
function editOf(
  demo: Demo,
  version: number,
  change: { person?: Partial<EditDetailsInput['person']>; employerName?: string },
): EditDetailsInput {
  const registered = testReferral({ person: { nhsNumber: '' } });
  return {
    participantId: demo.id,
    version,
    person: { ...registered.person, ...change.person },
    employment: { ...registered.employment, employerName: change.employerName ?? registered.employment.employerName },
  };
}

async function recordOf(demo: Demo): Promise<ParticipantView> {
  return value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
}

describe('editing a person’s details after registration (issue 20 item 5)', () => {
  it('saves a new version with who and when; the old employer stays readable; the edit is audited', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    expect((await recordOf(demo)).detailsVersion).toBe(1);
    expect(value(await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { employerName: 'Harbour Foods Ltd' })))).toEqual(
      {
        version: 2,
      },
    );
    const record = await recordOf(demo);
    expect(record.employment.employerName).toBe('Harbour Foods Ltd');
    expect(record.detailsVersion).toBe(2);
    expect(record.detailsEdits).toEqual([
      expect.objectContaining({
        version: 2,
        savedByName: 'Demo Coach',
        before: expect.objectContaining({ employment: expect.objectContaining({ employerName: 'Example Logistics Ltd' }) }),
        after: expect.objectContaining({ employment: expect.objectContaining({ employerName: 'Harbour Foods Ltd' }) }),
      }),
    ]);
    await demo.signInAs('demo.admin');
    const entries = value<{ entries: AuditEntry[] }>(
      await demo.services.dispatch('audit.search', { participantId: demo.id, limit: 50 }),
    ).entries;
    expect(entries.filter((entry) => entry.channel === 'participants.editDetails')).toEqual([
      expect.objectContaining({ action: 'edit', outcome: 'ok', username: 'demo.coach' }),
    ]);
    // An administrator keeps demographics right too (issue 18 item 5), and reads the history.
    value(
      await demo.services.dispatch(
        'participants.editDetails',
        editOf(demo, 2, { person: { phone: '07700 900456' }, employerName: 'Harbour Foods Ltd' }),
      ),
    );
    const asAdmin = await recordOf(demo);
    expect(asAdmin).toMatchObject({ clinicalWithheld: true, phone: '07700 900456', detailsVersion: 3 });
    expect(asAdmin.detailsEdits.map((edit) => edit.version)).toEqual([3, 2]);
  });

  it('refuses a save from an old version (someone else saved first) and changes nothing', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    value(await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { employerName: 'First Saver Ltd' })));
    const late = await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { employerName: 'Second Saver Ltd' }));
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Someone else saved') } });
    const record = await recordOf(demo);
    expect(record.employment.employerName).toBe('First Saver Ltd');
    expect(record.detailsEdits).toHaveLength(1);
  });

  it('validates as registration does: a bad NHS number, someone else’s NHS number, a future birth date; roles that may not edit are refused', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coordinator');
    expect(
      await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { person: { nhsNumber: '999 000 0019' } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'person.nhsNumber': expect.stringContaining('valid 10-digit NHS number') } },
    });
    expect(
      await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { person: { dateOfBirth: '2099-01-01' } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'person.dateOfBirth': expect.any(String) } },
    });
    const other = value<{ reference: string }>(
      await demo.services.dispatch('participants.register', testReferral({ person: { givenName: 'Robin', familyName: 'Otherperson' } })),
    );
    expect(
      await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { person: { nhsNumber: '999 000 0018' } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { 'person.nhsNumber': `Already registered as ${other.reference}` } },
    });
    expect(await demo.services.dispatch('participants.editDetails', editOf(demo, 1, {}))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await demo.signInAs('demo.physio');
    expect(await demo.services.dispatch('participants.editDetails', editOf(demo, 1, { employerName: 'Not Allowed Ltd' }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await recordOf(demo)).detailsVersion).toBe(1);
  });
});
