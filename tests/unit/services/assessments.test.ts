import { describe, expect, it } from 'vitest';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';

describe('assessments and risk', () => {
  it('the joined-up assessment makes a referred person ready for MDT and reads back', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.coach');
    value(await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
    const record = value<{ status: string; joinedUpAssessment: Record<string, unknown> }>(
      await services.dispatch('participants.get', { id }),
    );
    expect(record.status).toBe('ready_for_mdt');
    expect(record.joinedUpAssessment).toMatchObject({
      mainBarrier: 'musculoskeletal',
      socialBarriers: ['debt', 'confidence'],
      goals: 'Back to full shifts by February.',
      authorName: 'Demo Coach',
    });
    await services.close();
  });

  it('refuses a joined-up assessment without what matters and goals, field by field', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.coach');
    const result = await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP, whatMatters: '', goals: ' ' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { whatMatters: expect.any(String), goals: expect.any(String) } },
    });
    const record = value<{ status: string; joinedUpAssessment: unknown }>(await services.dispatch('participants.get', { id }));
    expect(record).toMatchObject({ status: 'referred', joinedUpAssessment: null });
    await services.close();
  });

  it('a PHQ-9 with item 9 above 0 raises a flag shown on the record and the caseload until a clinician acknowledges it', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.coach');
    const recorded = value<{ score: { total: number; riskFlag: boolean; bandLabel: string } }>(
      await services.dispatch('measures.record', {
        participantId: id,
        discipline: 'employment_support',
        takenOn: '2026-11-05',
        response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 0, 0, 1] },
      }),
    );
    expect(recorded.score).toMatchObject({ total: 7, riskFlag: true, bandLabel: 'Mild' });
    const record = value<{ openRiskFlags: Array<{ id: string }>; measures: Array<{ total: number; riskFlag: boolean }> }>(
      await services.dispatch('participants.get', { id }),
    );
    expect(record.openRiskFlags).toHaveLength(1);
    expect(record.measures[0]).toMatchObject({ total: 7, riskFlag: true });
    const caseload = value<{ items: Array<{ id: string; hasOpenRiskFlag: boolean }> }>(
      await services.dispatch('participants.list', { pageSize: 200 }),
    );
    expect(caseload.items.find((item) => item.id === id)?.hasOpenRiskFlag).toBe(true);
    expect(caseload.items.filter((item) => item.hasOpenRiskFlag)).toHaveLength(1);

    const flagId = record.openRiskFlags[0]?.id ?? '';
    // The coach cannot acknowledge: only a clinician may.
    expect(await services.dispatch('riskFlags.acknowledge', { flagId, action: 'other', note: 'Seen.' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await signInAs('demo.mh');
    expect(await services.dispatch('riskFlags.acknowledge', { flagId, action: 'other', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    value(
      await services.dispatch('riskFlags.acknowledge', {
        flagId,
        action: 'safety_plan_agreed',
        note: 'Called the same day; safety plan agreed; GP informed.',
      }),
    );
    expect(await services.dispatch('riskFlags.acknowledge', { flagId, action: 'other', note: 'Again.' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const after = value<{ openRiskFlags: unknown[] }>(await services.dispatch('participants.get', { id }));
    expect(after.openRiskFlags).toHaveLength(0);
    await services.close();
  });

  it('a PHQ-9 with item 9 at 0 raises no flag, whatever the total', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.mh');
    const recorded = value<{ score: { total: number; riskFlag: boolean } }>(
      await services.dispatch('measures.record', {
        participantId: id,
        discipline: 'mental_health',
        takenOn: '2026-11-05',
        response: { measure: 'phq9', answers: [3, 3, 3, 3, 3, 3, 3, 3, 0] },
      }),
    );
    expect(recorded.score).toMatchObject({ total: 24, riskFlag: false });
    expect(value<{ openRiskFlags: unknown[] }>(await services.dispatch('participants.get', { id })).openRiskFlags).toHaveLength(0);
    await services.close();
  });

  it('refuses out-of-range and missing item scores, even with the UI bypassed, and stores nothing', async () => {
    const { services, id, signInAs } = await demoWithPerson();
    await signInAs('demo.coach');
    for (const answers of [
      [1, 1, 1, 1, 1, 1, 1, 1, 4],
      [1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1, 1.5],
    ]) {
      const result = await services.dispatch('measures.record', {
        participantId: id,
        discipline: 'employment_support',
        takenOn: '2026-11-05',
        response: { measure: 'phq9', answers },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(value<{ measures: unknown[] }>(await services.dispatch('participants.get', { id })).measures).toHaveLength(0);
    await services.close();
  });
});
