import { describe, expect, it } from 'vitest';
import type { ParticipantMonitoring } from '../../../../core/schemas/participant-monitoring';
import type { ParticipantView } from '../../../../core/schemas/participant-record';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { testReferral } from '../../../support/test-referral';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

const NOT_ASKED: ParticipantMonitoring = { sex: null, ethnicity: null, disability: null, benefitStatus: null };
const ANSWERED: ParticipantMonitoring = { sex: 'male', ethnicity: 'H', disability: 'no', benefitStatus: 'employment_support_allowance' };

/** An edit of the demo's registered person at `version` that changes only the monitoring answers (or leaves them out). */
function editOf(demo: Demo, version: number, monitoring: unknown) {
  const { person, employment } = testReferral({ person: { nhsNumber: '' } });
  return { participantId: demo.id, version, person, employment, ...(monitoring === undefined ? {} : { monitoring }) };
}

async function recordOf(demo: Demo): Promise<ParticipantView> {
  return value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
}

describe('sex, ethnicity, disability and benefit status on the record (issue 20 item 9)', () => {
  it('are optional at registration, kept as answered, and refused with a field error when not on the list', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    // The demo helper registered without them: not asked.
    expect((await recordOf(demo)).monitoring).toEqual(NOT_ASKED);
    const answered = value<{ id: string }>(
      await demo.services.dispatch('participants.register', {
        ...testReferral({ person: { nhsNumber: '', givenName: 'Sam' }, confirmedNotDuplicate: true }),
        monitoring: { ...ANSWERED, sex: 'not_stated' },
      }),
    );
    expect(value<ParticipantView>(await demo.services.dispatch('participants.get', { id: answered.id })).monitoring).toEqual({
      ...ANSWERED,
      sex: 'not_stated',
    });
    const count = value<{ total: number }>(await demo.services.dispatch('participants.count', {})).total;
    const refused = await demo.services.dispatch('participants.register', {
      ...testReferral({ person: { nhsNumber: '', givenName: 'Kit' }, confirmedNotDuplicate: true }),
      monitoring: { sex: 'female', ethnicity: 'Q', disability: 'maybe', benefitStatus: null },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'monitoring.ethnicity': expect.stringContaining('ethnic category'), 'monitoring.disability': expect.any(String) },
      },
    });
    expect(value<{ total: number }>(await demo.services.dispatch('participants.count', {})).total).toBe(count);
  });

  it('change as a new version of the details, keeping the old answers readable; an edit that leaves them out keeps them', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    expect(value(await demo.services.dispatch('participants.editDetails', editOf(demo, 1, ANSWERED)))).toEqual({ version: 2 });
    const record = await recordOf(demo);
    expect(record.monitoring).toEqual(ANSWERED);
    expect(record.detailsEdits).toEqual([
      expect.objectContaining({ version: 2, savedByName: 'Demo Coach', before: expect.objectContaining({ monitoring: NOT_ASKED }) }),
    ]);
    expect(record.detailsEdits[0]?.after.monitoring).toEqual(ANSWERED);

    // A caller that does not send them (an older form) changes the phone only: the answers stay.
    const phoneOnly = editOf(demo, 2, undefined);
    value(
      await demo.services.dispatch('participants.editDetails', { ...phoneOnly, person: { ...phoneOnly.person, phone: '07700 900999' } }),
    );
    expect((await recordOf(demo)).monitoring).toEqual(ANSWERED);

    // Sending the same answers again is no change; from an old version, someone else saved first.
    expect(await demo.services.dispatch('participants.editDetails', editOf(demo, 2, ANSWERED))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // Back to not asked, and a bad answer refused with nothing saved.
    expect(
      await demo.services.dispatch('participants.editDetails', editOf(demo, 3, { ...ANSWERED, benefitStatus: 'jobseekers' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'monitoring.benefitStatus': expect.any(String) } },
    });
    value(await demo.services.dispatch('participants.editDetails', editOf(demo, 3, NOT_ASKED)));
    const after = await recordOf(demo);
    expect(after.monitoring).toEqual(NOT_ASKED);
    expect(after.detailsEdits.map((edit) => [edit.version, edit.before.monitoring.ethnicity, edit.after.monitoring.ethnicity])).toEqual([
      [4, 'H', null],
      [3, 'H', 'H'],
      [2, null, 'H'],
    ]);
  });
});
