import { describe, expect, it } from 'vitest';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { EmployerView } from '../../../core/schemas/employer-view';
import type { ParticipantAdjustments, SaveAdjustmentsInput } from '../../../core/schemas/workplace-adjustments';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoTeamMember } from '../../support/demo-team';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { typeCanaryIntoEveryClinicalField } from '../../support/canary-case';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** A made-up diagnosis that must never reach an employer. */
const CANARY = 'CANARY-DX-7Q fibromyalgia';

function adjustmentsInput(participantId: string, overrides: Partial<SaveAdjustmentsInput> = {}): SaveAdjustmentsInput {
  return {
    participantId,
    contractedHoursPerWeek: 37.5,
    adjustments: [
      {
        id: 'adj-1',
        category: 'phased_return',
        recommendation: 'graded_hours',
        functionalNeed: 'Build up stamina for a full shift',
        startOn: '2026-12-07',
        durationWeeks: 3,
        reviewOn: '2026-12-28',
        status: 'proposed',
      },
      {
        id: 'adj-2',
        category: 'amended_duties',
        recommendation: 'no_lifting',
        functionalNeed: 'Avoid lifting more than 5 kg',
        startOn: '2026-12-07',
        durationWeeks: 6,
        reviewOn: '2027-01-18',
        status: 'proposed',
      },
    ],
    gradedReturn: {
      startOn: '2026-12-07',
      weeks: [
        { startsOn: '2026-12-07', hours: 15, duties: 'Stock counts only' },
        { startsOn: '2026-12-14', hours: 22.5, duties: 'Stock counts and packing' },
        { startsOn: '2026-12-21', hours: 30, duties: 'Packing, no lifting' },
      ],
    },
    ...overrides,
  };
}

/** The demo person with a draft plan (started by the coordinator), signed in as the OT. */
async function personWithPlan(): Promise<Demo> {
  const demo = await demoWithPerson();
  await demo.signInAs('demo.coordinator');
  value(
    await demo.services.dispatch('plans.saveDraft', {
      participantId: demo.id,
      goals: [{ id: 'g1', text: 'Back to full shifts' }],
      actions: [],
      reviewOn: null,
    }),
  );
  await demo.signInAs('demo.ot');
  return demo;
}

async function adjustments(demo: Demo): Promise<ParticipantAdjustments> {
  return value<ParticipantAdjustments>(await demo.services.dispatch('adjustments.get', { participantId: demo.id }));
}

async function recordEmployerConsent(demo: Demo): Promise<string> {
  await demo.signInAs('demo.coach');
  const consent = value<{ id: string }>(
    await demo.services.dispatch('consents.record', {
      participantId: demo.id,
      purpose: 'share_employer',
      decision: 'given',
      date: '2026-11-20',
      method: 'verbal',
    }),
  );
  return consent.id;
}

describe('workplace adjustments', () => {
  it('attach to the current plan, are versioned, and a stale save is a conflict that changes nothing', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.ot');
    expect(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('action plan first') },
    });

    await demo.signInAs('demo.coordinator');
    const plan = value<{ planId: string }>(
      await demo.services.dispatch('plans.saveDraft', { participantId: demo.id, goals: [], actions: [], reviewOn: null }),
    );
    await demo.signInAs('demo.ot');
    expect(value(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id)))).toEqual({ version: 1, planId: plan.planId });
    // Someone who opened the empty section before that save cannot overwrite it.
    expect(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id, { adjustments: [] }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      value(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id, { version: 1, contractedHoursPerWeek: 40 }))),
    ).toEqual({ version: 2, planId: plan.planId });
    expect(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id, { version: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    await demo.signInAs('demo.coordinator');
    const read = await adjustments(demo);
    expect(read.saved).toMatchObject({ version: 2, planId: plan.planId, savedByName: expect.any(String) });
    expect(read.saved?.content.contractedHoursPerWeek).toBe(40);
    expect(read.saved?.content.adjustments).toHaveLength(2);
  });

  it('refuses a schedule over the contracted hours or with a gap, by the field, and saves nothing', async () => {
    const demo = await personWithPlan();
    const input = adjustmentsInput(demo.id);
    const weeks = input.gradedReturn?.weeks ?? [];
    const bad = adjustmentsInput(demo.id, {
      gradedReturn: { startOn: '2026-12-07', weeks: [weeks[0]!, { ...weeks[1]!, hours: 40 }, { ...weeks[2]!, startsOn: '2026-12-22' }] },
    });
    const refused = await demo.services.dispatch('adjustments.save', bad);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'gradedReturn.weeks.1.hours': 'Week 2: 40 hours is more than the contracted 37.5 hours a week',
          'gradedReturn.weeks.2.startsOn': expect.stringContaining('Week 3 must start 7 days after week 2'),
        },
      },
    });
    expect((await adjustments(demo)).saved).toBeNull();
  });

  it('are drafted by OTs and physiotherapists only; the MDT may read them', async () => {
    const demo = await personWithPlan();
    for (const username of ['demo.coach', 'demo.coordinator', 'demo.mh', 'demo.admin']) {
      await demo.signInAs(username);
      expect(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    await demo.signInAs('demo.physio');
    value(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id)));
    await demo.signInAs('demo.coach');
    expect((await adjustments(demo)).saved?.version).toBe(1);
    await demo.signInAs('demo.admin');
    expect(await demo.services.dispatch('adjustments.get', { participantId: demo.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the employer view', () => {
  it('is refused without consent to share with the employer, given with it, and refused at once after withdrawal', async () => {
    const demo = await personWithPlan();
    value(await demo.services.dispatch('adjustments.save', adjustmentsInput(demo.id)));
    expect(await demo.services.dispatch('adjustments.employerView', { participantId: demo.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('consent') },
    });
    expect((await adjustments(demo)).employerConsentInForce).toBe(false);

    // Consent declined is not consent.
    await demo.signInAs('demo.coach');
    const declined = value<{ id: string }>(
      await demo.services.dispatch('consents.record', {
        participantId: demo.id,
        purpose: 'share_employer',
        decision: 'declined',
        date: '2026-11-19',
        method: 'verbal',
      }),
    );
    expect(declined.id).toBeTruthy();
    expect(await demo.services.dispatch('adjustments.employerView', { participantId: demo.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const consentId = await recordEmployerConsent(demo);
    await demo.signInAs('demo.ot');
    const view = value<EmployerView>(await demo.services.dispatch('adjustments.employerView', { participantId: demo.id }));
    expect(view.employeeName).toBe('Alex Testperson');
    expect(view.employerName).toBe('Example Logistics Ltd');
    // The employer letter gives the professional's work phone and email, as the person's plan does.
    expect(view.contact).toEqual({
      name: 'Aisha Brennan',
      organisation: expect.any(String),
      phone: expect.any(String),
      email: expect.stringContaining('@'),
    });
    expect(view.gradedReturn?.weeks.map((week) => week.hours)).toEqual([15, 22.5, 30]);
    expect(view.reviewOn).toBe('2026-12-28');

    await demo.signInAs('demo.coach');
    value(await demo.services.dispatch('consents.withdraw', { consentId, date: '2026-11-21' }));
    await demo.signInAs('demo.ot');
    expect(await demo.services.dispatch('adjustments.employerView', { participantId: demo.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await adjustments(demo)).employerConsentInForce).toBe(false);
  });

  it('never carries a canary diagnosis typed into every clinical field through the real services', async () => {
    const demo = await demoWithPerson();
    const { services, id } = demo;
    await typeCanaryIntoEveryClinicalField(demo, CANARY);
    const withNotes = adjustmentsInput(id);
    value(
      await services.dispatch('adjustments.save', {
        ...withNotes,
        adjustments: withNotes.adjustments.map((adjustment) => ({ ...adjustment, teamNote: CANARY })),
      }),
    );
    await recordEmployerConsent(demo);

    // The canary really is stored and readable by the team, so the check below can fail.
    expect(JSON.stringify(value(await services.dispatch('participants.get', { id })))).toContain(CANARY);
    expect(JSON.stringify(await adjustments(demo))).toContain(CANARY);

    const view = await services.dispatch('adjustments.employerView', { participantId: id });
    expect(view.ok).toBe(true);
    const serialized = JSON.stringify(view);
    expect(serialized).not.toContain('CANARY');
    expect(serialized).not.toContain('fibromyalgia');
    expect(serialized).not.toContain('PHQ');
  });
});

describe('the AHP Health and Work Report', () => {
  const report = {
    fitness: 'may_be_fit',
    periodFrom: '2026-12-07',
    periodTo: '2027-01-04',
    followUpOn: '2027-01-04',
    categories: [] as string[],
    difficulties: [] as Array<{ id: string; difficulty: string; recommendation: string; goal: string }>,
    organisation: 'South Yorkshire WorkWell',
    assessedOn: '2026-11-10',
  } as const;

  it('is signed only by its HCPC-registered OT or physio author, with every part it needs, and is then locked', async () => {
    const demo = await personWithPlan();
    const { services, id } = demo;
    const draft = value<{ id: string; version: number }>(
      await services.dispatch('adjustments.saveAhpReport', { participantId: id, ...report }),
    );
    // A second draft for the same person is refused, not kept in parallel.
    expect(await services.dispatch('adjustments.saveAhpReport', { participantId: id, ...report })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { categories: expect.any(String), difficulties: expect.any(String) } },
    });
    const complete = {
      ...report,
      categories: ['phased_return', 'amended_duties'],
      difficulties: [
        {
          id: 'd1',
          difficulty: 'Standing for long periods',
          recommendation: 'A perching stool and a break each hour',
          goal: 'Stand for a full shift by week 6',
        },
      ],
    };
    value(await services.dispatch('adjustments.saveAhpReport', { participantId: id, reportId: draft.id, version: 1, ...complete }));
    // Signing names the version read: the older one is refused.
    expect(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    await demo.signInAs('demo.physio');
    expect(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await demo.signInAs('demo.mh');
    expect(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await demo.signInAs('demo.ot');
    value(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: 2 }));
    const signed = (await adjustments(demo)).ahpReports[0];
    expect(signed).toMatchObject({
      status: 'signed',
      practitioner: { name: 'Aisha Brennan', profession: 'occupational_therapist', hcpcNumber: 'OT99903' },
      categories: ['phased_return', 'amended_duties'],
    });
    expect(
      await services.dispatch('adjustments.saveAhpReport', { participantId: id, reportId: draft.id, version: 2, ...complete }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('signed') } });
    value(await services.dispatch('adjustments.save', adjustmentsInput(id)));
    await services.close();

    // The store itself refuses to change a signed report or any saved version of the adjustments.
    const { store } = await unlockStore(storePaths(demo.dataDir), 'demo.ot', DEMO_PARTNERSHIP.passphrase);
    try {
      expect(() => store.sqlite.prepare("UPDATE ahp_reports SET content_json = '{}' WHERE id = ?").run(draft.id)).toThrow(
        /WORKWELL_LOCKED/,
      );
      expect(() => store.sqlite.prepare('DELETE FROM ahp_reports WHERE id = ?').run(draft.id)).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare("UPDATE workplace_adjustments SET content_json = '{}'").run()).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare('DELETE FROM workplace_adjustments').run()).toThrow(/WORKWELL_LOCKED/);
    } finally {
      await store.close();
    }
  });

  it('another practitioner’s unsigned report shows only as "Draft by <name>", without its text or its PDF, until it is signed', async () => {
    const demo = await personWithPlan();
    const { services, id } = demo;
    const secret = 'CANARY-AHP-3K kneels only on a cushion';
    const draft = value<{ id: string; version: number }>(
      await services.dispatch('adjustments.saveAhpReport', { participantId: id, ...report, fitness: 'not_fit', organisation: secret }),
    );
    const own = await adjustments(demo);
    expect(own.ahpReports).toMatchObject([{ id: draft.id, status: 'draft', organisation: secret }]);
    expect(own.ahpDraftsByOthers).toEqual([]);
    const otName = own.ahpReports[0]?.authorName;

    for (const username of ['demo.physio', 'demo.coordinator']) {
      await demo.signInAs(username);
      const seen = await adjustments(demo);
      expect(JSON.stringify(seen), username).not.toContain('CANARY');
      expect(seen.ahpReports, username).toEqual([]);
      expect(seen.ahpDraftsByOthers, username).toEqual([{ id: draft.id, authorName: otName, updatedAt: expect.any(String) }]);
    }
    // Nor printed: the coordinator may download AHP reports, but not another's draft, named or not.
    for (const input of [{ participantId: id }, { participantId: id, reportId: draft.id }])
      expect(await services.dispatch('documents.ahpReportPdf', input)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringContaining(`a draft by ${otName}`) },
      });

    await demo.signInAs('demo.ot');
    value(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: draft.version }));
    for (const username of ['demo.physio', 'demo.coordinator']) {
      await demo.signInAs(username);
      const seen = await adjustments(demo);
      expect(seen.ahpReports, username).toMatchObject([{ id: draft.id, status: 'signed', organisation: secret }]);
      expect(seen.ahpDraftsByOthers, username).toEqual([]);
    }
    await services.close();
  }, 60_000);

  it('cannot be signed by an OT whose team record has no HCPC registration', async () => {
    const demo = await personWithPlan();
    const { services, id } = demo;
    const draft = value<{ id: string }>(
      await services.dispatch('adjustments.saveAhpReport', { participantId: id, ...report, fitness: 'not_fit' }),
    );
    await demo.signInAs('demo.admin');
    const config = value<PartnershipConfig>(await services.dispatch('config.get', {}));
    const member = demoTeamMember(config, 'demo.ot');
    value(
      await services.dispatch('config.saveTeamMember', {
        id: member.id,
        version: member.version,
        fullName: member.fullName,
        disciplineCode: member.disciplineCode,
        jobTitle: member.jobTitle,
        professionalBody: 'none',
        registrationNumber: '',
        userId: member.userId ?? '',
      }),
    );
    await demo.signInAs('demo.ot');
    expect(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('HCPC') },
    });
  });
});
