import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';

const FINDINGS = {
  assessedOn: '2026-11-10',
  findings: 'Lumbar flexion limited to knee level; pain 6/10 on sustained standing.',
  workImpact: 'Cannot stand at the till for more than 40 minutes.',
  recommendations: 'Six sessions of physiotherapy; a perching stool at the till.',
};

async function record(services: Awaited<ReturnType<typeof demoWithPerson>>['services'], id: string): Promise<ParticipantRecord> {
  return value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
}

describe('discipline assessments: drafts, signing and amendments', () => {
  it('a physiotherapist drafts, edits and signs; the record shows it signed and locked', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.physio');
    const draft = value<{ id: string; version: number }>(
      await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS, findings: 'First thoughts' }),
    );
    expect(draft.version).toBe(1);
    expect((await record(services, id)).disciplineAssessments[0]).toMatchObject({
      status: 'draft',
      discipline: 'physiotherapy',
      findings: 'First thoughts',
      authorName: 'Demo Physiotherapist',
    });

    const edited = value<{ version: number }>(
      await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, id: draft.id, version: 1, ...FINDINGS }),
    );
    expect(edited.version).toBe(2);
    value(await services.dispatch('assessments.sign', { id: draft.id, version: 2 }));

    const [signed] = (await record(services, id)).disciplineAssessments;
    expect(signed).toMatchObject({
      id: draft.id,
      status: 'signed',
      findings: FINDINGS.findings,
      signedByName: 'Demo Physiotherapist',
      amendment: null,
      earlierVersions: [],
    });
    expect(signed?.signedAt).toEqual(expect.any(String));

    const overwrite = await services.dispatch('assessments.saveDisciplineDraft', {
      participantId: id,
      id: draft.id,
      version: 2,
      ...FINDINGS,
      findings: 'Quietly changed',
    });
    expect(overwrite).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await record(services, id)).disciplineAssessments[0]?.findings).toBe(FINDINGS.findings);
    await services.close();
  });

  it('a stale draft edit or signature is refused as a conflict and changes nothing', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.ot');
    const draft = value<{ id: string }>(await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS }));
    value(
      await services.dispatch('assessments.saveDisciplineDraft', {
        participantId: id,
        id: draft.id,
        version: 1,
        ...FINDINGS,
        findings: 'Second edit',
      }),
    );
    const stale = await services.dispatch('assessments.saveDisciplineDraft', {
      participantId: id,
      id: draft.id,
      version: 1,
      ...FINDINGS,
      findings: 'From the other window',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('another window') } });
    expect(await services.dispatch('assessments.sign', { id: draft.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await record(services, id)).disciplineAssessments[0]).toMatchObject({
      status: 'draft',
      findings: 'Second edit',
      discipline: 'occupational_therapy',
    });
    await services.close();
  });

  it('only clinicians write them, each for their own discipline, and only the author edits or signs a draft', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.coach');
    expect(await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await signInAs('demo.physio');
    const draft = value<{ id: string }>(await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS }));
    await signInAs('demo.mh');
    expect(
      await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, id: draft.id, version: 1, ...FINDINGS }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await services.dispatch('assessments.sign', { id: draft.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const mine = value<{ id: string }>(
      await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS, findings: 'Low mood, poor sleep.' }),
    );
    // The physiotherapist's draft is theirs until signed: the mental health practitioner sees whose it is, not its text.
    const { disciplineAssessments, draftsByOthers } = await record(services, id);
    expect(disciplineAssessments.map((assessment) => [assessment.id, assessment.discipline])).toEqual([[mine.id, 'mental_health']]);
    expect(draftsByOthers.map((other) => [other.id, other.discipline, other.authorName])).toEqual([
      [draft.id, 'physiotherapy', 'Demo Physiotherapist'],
    ]);
    await services.close();
  });

  it('refuses a blank finding or a future date field by field', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.physio');
    const result = await services.dispatch('assessments.saveDisciplineDraft', {
      participantId: id,
      ...FINDINGS,
      findings: '  ',
      assessedOn: '2999-01-01',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { findings: 'Enter the findings', assessedOn: expect.stringContaining('today or in the past') },
      },
    });
    expect((await record(services, id)).disciplineAssessments).toEqual([]);
    await services.close();
  });

  it('an amendment keeps the original with who, when and why; history never forks', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.physio');
    const original = value<{ id: string }>(await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS }));
    value(await services.dispatch('assessments.sign', { id: original.id, version: 1 }));

    expect(await services.dispatch('assessments.amendDiscipline', { amendsId: original.id, ...FINDINGS, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
    });
    const amended = value<{ id: string }>(
      await services.dispatch('assessments.amendDiscipline', {
        amendsId: original.id,
        ...FINDINGS,
        findings: 'Flexion limited to mid-shin.',
        reason: 'Range of movement was recorded from the wrong side.',
      }),
    );
    const [current] = (await record(services, id)).disciplineAssessments;
    expect(current).toMatchObject({
      id: amended.id,
      status: 'signed',
      findings: 'Flexion limited to mid-shin.',
      authorName: 'Demo Physiotherapist',
      amendment: { amendsId: original.id, reason: 'Range of movement was recorded from the wrong side.' },
    });
    expect(current?.earlierVersions).toHaveLength(1);
    expect(current?.earlierVersions[0]).toMatchObject({ id: original.id, findings: FINDINGS.findings, status: 'signed', amendment: null });

    const fork = await services.dispatch('assessments.amendDiscipline', {
      amendsId: original.id,
      ...FINDINGS,
      reason: 'Another correction',
    });
    expect(fork).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('newest version') } });
    await signInAs('demo.ot');
    expect(
      await services.dispatch('assessments.amendDiscipline', { amendsId: amended.id, ...FINDINGS, reason: 'Not my discipline' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await signInAs('demo.physio');
    value(await services.dispatch('assessments.amendDiscipline', { amendsId: amended.id, ...FINDINGS, findings: 'Third', reason: 'Typo' }));
    const chain = (await record(services, id)).disciplineAssessments;
    expect(chain).toHaveLength(1);
    expect([...(chain[0]?.earlierVersions.map((version) => version.findings) ?? []), chain[0]?.findings]).toEqual([
      FINDINGS.findings,
      'Flexion limited to mid-shin.',
      'Third',
    ]);
    await services.close();
  });

  it('a draft cannot be amended (it is edited), and the store itself refuses changes to signed rows', async () => {
    const { services, id, signInAs, dataDir } = await demoWithPerson();
    await signInAs('demo.physio');
    const draft = value<{ id: string }>(await services.dispatch('assessments.saveDisciplineDraft', { participantId: id, ...FINDINGS }));
    expect(await services.dispatch('assessments.amendDiscipline', { amendsId: draft.id, ...FINDINGS, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(await services.dispatch('assessments.sign', { id: draft.id, version: 1 }));
    value(
      await services.dispatch('measures.record', {
        participantId: id,
        discipline: 'physiotherapy',
        takenOn: '2026-11-10',
        response: { measure: 'work_ability', answers: [4] },
      }),
    );
    await services.close();

    const { store } = await unlockStore(storePaths(dataDir), 'demo.physio', DEMO_PARTNERSHIP.passphrase);
    try {
      expect(() => store.sqlite.prepare("UPDATE assessments SET content_json = '{}' WHERE id = ?").run(draft.id)).toThrow(
        /WORKWELL_LOCKED/,
      );
      expect(() => store.sqlite.prepare('DELETE FROM assessments WHERE id = ?').run(draft.id)).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare('UPDATE measure_results SET total = 0').run()).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare('DELETE FROM measure_results').run()).toThrow(/WORKWELL_LOCKED/);
      // The demo seeds measures for its own MDT cases; this person's one result is untouched.
      expect(store.sqlite.prepare('SELECT total FROM measure_results WHERE participant_id = ?').pluck().all(id)).toEqual([4]);
    } finally {
      await store.close();
    }
  });
});

describe('joined-up assessment amendments', () => {
  it('the coach amends a signed joined-up assessment; the original is kept and shown as an earlier version', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.coach');
    const original = value<{ id: string }>(await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
    const first = await record(services, id);
    expect(first.joinedUpAssessment).toMatchObject({ id: original.id, status: 'signed', signedByName: 'Demo Coach', earlierVersions: [] });

    value(
      await services.dispatch('assessments.amendJoinedUp', {
        amendsId: original.id,
        ...JOINED_UP,
        goals: 'Back to full shifts by March.',
        reason: 'The person corrected the month.',
      }),
    );
    const after = await record(services, id);
    expect(after.joinedUpAssessment).toMatchObject({
      goals: 'Back to full shifts by March.',
      amendment: { amendsId: original.id, reason: 'The person corrected the month.' },
    });
    expect(after.joinedUpAssessment?.earlierVersions.map((version) => version.goals)).toEqual([JOINED_UP.goals]);

    await signInAs('demo.physio');
    expect(await services.dispatch('assessments.amendJoinedUp', { amendsId: original.id, ...JOINED_UP, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await services.close();
  });
});
