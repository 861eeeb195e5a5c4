import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/schemas/audit';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { PdfDocument } from '../../../core/schemas/documents';
import type { ExportLogPage } from '../../../core/schemas/export-log';
import type { Meeting } from '../../../core/schemas/meetings';
import { sha256Hex } from '../../../services/exports/export-log';
import { demoTeam } from '../../support/demo-team';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';
import { pdfPageCount, pdfText } from '../../support/pdf-text';
import { typeCanaryIntoEveryClinicalField } from '../../support/canary-case';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** A made-up diagnosis that must never reach an employer. */
const CANARY = 'CANARY-DX-7Q fibromyalgia';

/** The demo person made ready for the MDT, with the demo team's member ids and a directory service. */
async function readyPerson() {
  const demo = await demoWithPerson();
  await demo.signInAs('demo.coach');
  value(await demo.services.dispatch('assessments.saveJoinedUp', { participantId: demo.id, ...JOINED_UP }));
  value(
    await demo.services.dispatch('consents.record', {
      participantId: demo.id,
      purpose: 'service',
      decision: 'given',
      date: '2026-11-03',
      method: 'verbal',
    }),
  );
  await demo.signInAs('demo.coordinator');
  const config = value<PartnershipConfig>(await demo.services.dispatch('config.get', {}));
  const team = demoTeam(config);
  const service = config.services.find((candidate) => candidate.active);
  if (service === undefined) throw new Error('no directory service');
  return { ...demo, team, service };
}
type Ready = Awaited<ReturnType<typeof readyPerson>>;

function planInput(demo: Ready) {
  return {
    participantId: demo.id,
    goals: [{ id: 'g1', text: 'Back to full shifts by February, without my back flaring up' }],
    actions: [
      {
        id: 'a1',
        goalId: 'g1',
        kind: 'intervention',
        discipline: 'physiotherapy',
        description: 'Six physiotherapy sessions for lifting and stamina',
        ownerId: demo.team.physio,
        dueOn: '2027-01-15',
      },
      {
        id: 'a2',
        goalId: 'g1',
        kind: 'intervention',
        discipline: 'occupational_therapy',
        description: 'Workplace assessment and a phased return plan',
        ownerId: demo.team.ot,
        dueOn: '2026-12-20',
      },
      {
        id: 'a3',
        goalId: null,
        kind: 'onward_referral',
        discipline: 'employment_support',
        description: 'Refer to the local service',
        ownerId: demo.team.coach,
        dueOn: '2026-12-05',
        serviceId: demo.service.id,
      },
    ],
    reviewOn: '2027-02-01',
  };
}

async function pdf(
  demo: Demo,
  channel: 'documents.planPdf' | 'documents.employerLetterPdf' | 'documents.ahpReportPdf' | 'documents.minutesPdf',
  input: Record<string, unknown>,
) {
  const document = value<PdfDocument>(await demo.services.dispatch(channel, input));
  const bytes = new Uint8Array(Buffer.from(document.contentBase64, 'base64'));
  expect(bytes.byteLength).toBe(document.bytes);
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  // DUMP_PDF_DIR=/some/folder keeps the PDFs to look at (for instance with poppler's `pdftoppm -png -r 60`, if installed).
  if (process.env.DUMP_PDF_DIR !== undefined) writeFileSync(path.join(process.env.DUMP_PDF_DIR, document.fileName), bytes);
  return { document, bytes, text: await pdfText(bytes, document.fileName) };
}

async function exportLog(demo: Demo): Promise<ExportLogPage['entries']> {
  await demo.signInAs('demo.coordinator');
  return value<ExportLogPage>(await demo.services.dispatch('exports.log', { limit: 50 })).entries;
}

async function auditEntries(demo: Demo): Promise<AuditEntry[]> {
  await demo.signInAs('demo.admin');
  return value<{ entries: AuditEntry[] }>(await demo.services.dispatch('audit.search', { limit: 200 })).entries;
}

function adjustmentsInput(participantId: string) {
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
        teamNote: CANARY,
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
        teamNote: CANARY,
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
  };
}

describe('the action plan PDF', () => {
  it('prints the plan in plain English with a footer on every page, DRAFT until the MDT agrees it, and is logged and audited as an export', async () => {
    const demo = await readyPerson();
    const { services } = demo;
    const draft = value<{ planId: string; revision: number }>(await services.dispatch('plans.saveDraft', planInput(demo)));
    await demo.signInAs('demo.coach');
    const first = await pdf(demo, 'documents.planPdf', { participantId: demo.id });
    expect(first.document).toMatchObject({ fileName: expect.stringMatching(/^action-plan-WW-\d{6}-v1-draft\.pdf$/), draft: true });
    for (const phrase of [
      'Your action plan, Alex Testperson',
      'Back to full shifts by February, without my back flaring up',
      'Six physiotherapy sessions',
      '15 January 2027',
      '1 February 2027',
      'Onward referral to a service',
    ])
      expect(first.text).toContain(phrase);
    expect(first.text).toMatch(/Action plan · Version 1 · DRAFT: not agreed · Generated by .+ on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
    // A draft never tells the person it is the plan they agreed (issue 15, defect 11).
    expect(first.text).toContain('This is a draft of your plan: it has not been agreed yet.');
    expect(first.text).not.toContain('the plan you and the WorkWell team agreed');
    expect(first.text).toContain(`Page 1 of ${await pdfPageCount(first.bytes)}`);
    expect(first.text).toMatch(/\bDRAFT\b/);

    await demo.signInAs('demo.coordinator');
    const { team } = demo;
    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: draft.planId,
        revision: draft.revision,
        attendeeIds: [team.coordinator, team.physio, team.ot, team.coach],
        checkedById: team.physio,
      }),
    );
    const agreed = await pdf(demo, 'documents.planPdf', { participantId: demo.id, planId: draft.planId });
    expect(agreed.document).toMatchObject({ draft: false, fileName: expect.stringMatching(/-v1\.pdf$/) });
    expect(agreed.text).not.toMatch(/\bDRAFT\b/);
    expect(agreed.text).toContain('Agreed by the MDT');
    expect(agreed.text).toContain('This is the plan you and the WorkWell team agreed');
    expect(agreed.text).not.toContain('DRAFT: not agreed');

    const large = await pdf(demo, 'documents.planPdf', { participantId: demo.id, largePrint: true });
    expect(large.document.fileName).toMatch(/-large-print\.pdf$/);
    const largePages = await pdfPageCount(large.bytes);
    expect(largePages).toBeGreaterThan(await pdfPageCount(agreed.bytes));
    expect(large.text).toContain(`Page ${largePages} of ${largePages}`);
    expect(large.text).toContain('Workplace assessment and a phased return plan');

    const log = await exportLog(demo);
    expect(log.map((entry) => entry.kind)).toEqual(['plan_pdf', 'plan_pdf', 'plan_pdf']);
    expect(log[2]).toMatchObject({
      destination: first.document.fileName,
      sha256: sha256Hex(first.bytes),
      bytes: first.bytes.byteLength,
      outcome: 'delivered',
      included: 1,
      username: 'demo.coach',
    });
    const exports = (await auditEntries(demo)).filter((entry) => entry.channel === 'documents.planPdf');
    expect(exports.map((entry) => entry.action)).toEqual(['export', 'export', 'export']);
    expect(exports[0]?.participantId).toBe(demo.id);
    await services.close();
  });

  it('is printed by the MDT only, and refuses a plan that is not this person’s', async () => {
    const demo = await readyPerson();
    value(await demo.services.dispatch('plans.saveDraft', planInput(demo)));
    await demo.signInAs('demo.admin');
    expect(await demo.services.dispatch('documents.planPdf', { participantId: demo.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await demo.signInAs('demo.mh');
    expect(await demo.services.dispatch('documents.planPdf', { participantId: demo.id, planId: 'not-a-plan' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await demo.services.dispatch('documents.planPdf', { participantId: demo.id, largePrint: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await exportLog(demo)).toEqual([]);
    await demo.services.close();
  });
});

describe('the employer adjustments letter PDF', () => {
  it('is refused without consent (audited as denied, not logged as an export), and never prints a canary typed into every clinical field', async () => {
    const demo = await readyPerson();
    const { services, id } = demo;
    // A canary diagnosis in every clinical field the team can type into.
    await typeCanaryIntoEveryClinicalField(demo, CANARY);
    value(await services.dispatch('adjustments.save', adjustmentsInput(id)));

    const refused = await services.dispatch('documents.employerLetterPdf', { participantId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('consent') } });
    expect(await exportLog(demo)).toEqual([]);
    const denied = (await auditEntries(demo)).filter((entry) => entry.channel === 'documents.employerLetterPdf');
    expect(denied).toMatchObject([{ action: 'denied', outcome: 'FORBIDDEN', participantId: id }]);

    await demo.signInAs('demo.coach');
    const consent = value<{ id: string }>(
      await services.dispatch('consents.record', {
        participantId: id,
        purpose: 'share_employer',
        decision: 'given',
        date: '2026-11-20',
        method: 'verbal',
      }),
    );
    // The coach reads the employer view but does not send letters to employers.
    expect(await services.dispatch('documents.employerLetterPdf', { participantId: id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await demo.signInAs('demo.ot');
    const letter = await pdf(demo, 'documents.employerLetterPdf', { participantId: id });
    expect(letter.document).toMatchObject({ draft: true, fileName: expect.stringMatching(/^workplace-adjustments-WW-\d{6}-draft\.pdf$/) });
    for (const phrase of [
      'Workplace adjustments passport',
      'Alex Testperson',
      'Example Logistics Ltd',
      'Build up stamina for a full shift',
      'Stock counts and packing',
      '22.5',
    ])
      expect(letter.text).toContain(phrase);
    expect(letter.text).toMatch(/Page 1 of \d/);
    expect(letter.text).toMatch(/\bDRAFT\b/);
    // The canary really is stored and readable by the team, so its absence below means something.
    expect(JSON.stringify(value(await services.dispatch('adjustments.get', { participantId: id })))).toContain(CANARY);
    for (const clinical of ['CANARY', 'fibromyalgia', 'PHQ', 'risk', 'Low back pain']) expect(letter.text).not.toContain(clinical);

    const log = await exportLog(demo);
    expect(log).toMatchObject([
      {
        kind: 'employer_letter_pdf',
        destination: letter.document.fileName,
        sha256: sha256Hex(letter.bytes),
        username: 'demo.ot',
        included: 1,
      },
    ]);

    await demo.signInAs('demo.coach');
    value(await services.dispatch('consents.withdraw', { consentId: consent.id, date: '2026-11-21' }));
    await demo.signInAs('demo.coordinator');
    expect(await services.dispatch('documents.employerLetterPdf', { participantId: id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await exportLog(demo)).toHaveLength(1);
    await services.close();
  });
});

describe('the AHP Health and Work Report PDF', () => {
  it('is DRAFT until signed, then carries the practitioner’s profession and HCPC number', async () => {
    const demo = await readyPerson();
    const { services, id } = demo;
    await demo.signInAs('demo.ot');
    const draft = value<{ id: string; version: number }>(
      await services.dispatch('adjustments.saveAhpReport', {
        participantId: id,
        fitness: 'may_be_fit',
        periodFrom: '2026-12-07',
        periodTo: '2027-01-04',
        followUpOn: '2027-01-04',
        categories: ['phased_return', 'altered_hours'],
        difficulties: [
          {
            id: 'd1',
            difficulty: 'Standing for a whole shift',
            recommendation: 'A stool at the packing bench',
            goal: 'Full shifts by week 4',
          },
        ],
        organisation: 'WorkWell Demo Partnership',
        assessedOn: '2026-11-10',
      }),
    );
    const unsigned = await pdf(demo, 'documents.ahpReportPdf', { participantId: id });
    expect(unsigned.document).toMatchObject({
      draft: true,
      fileName: expect.stringMatching(/^ahp-health-and-work-report-WW-\d{6}-v1-draft\.pdf$/),
    });
    expect(unsigned.text).toMatch(/\bDRAFT\b/);
    expect(unsigned.text).toContain('AHP Health and Work Report');
    expect(unsigned.text).toContain('May be fit for work');
    expect(unsigned.text).toMatch(/\[X\] Phased return/);
    expect(unsigned.text).toContain('A stool at the packing bench');
    expect(unsigned.text).toContain('Page 1 of');

    value(await services.dispatch('adjustments.signAhpReport', { participantId: id, reportId: draft.id, version: draft.version }));
    await demo.signInAs('demo.coordinator');
    const signed = await pdf(demo, 'documents.ahpReportPdf', { participantId: id, reportId: draft.id });
    expect(signed.document.draft).toBe(false);
    expect(signed.text).not.toMatch(/\bDRAFT\b/);
    expect(signed.text).toContain('Occupational therapist');
    expect(signed.text).toMatch(/HCPC registration\s+OT\d+/);
    expect(signed.text).toContain('Signed by');

    await demo.signInAs('demo.coach');
    expect(await services.dispatch('documents.ahpReportPdf', { participantId: id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await exportLog(demo)).map((entry) => entry.kind)).toEqual(['ahp_report_pdf', 'ahp_report_pdf']);
    await services.close();
  });
});

describe('the MDT meeting minutes PDF', () => {
  it('prints outcomes and actions per case, DRAFT until the meeting has ended, and logs everyone it concerns', async () => {
    const demo = await readyPerson();
    const { services, id, team } = demo;
    const { id: meetingId } = value<{ id: string }>(
      await services.dispatch('meetings.create', {
        heldOn: '2026-12-03',
        startsAt: '09:30',
        minutesPerCase: 8,
        chairId: team.coordinator,
        expectedAttendeeIds: [team.physio, team.mh, team.ot, team.coach],
      }),
    );
    value(await services.dispatch('triage.decide', { participantId: id, outcome: 'full_discussion', meetingId }));
    const draft = value<{ planId: string; revision: number }>(await services.dispatch('plans.saveDraft', planInput(demo)));
    const present = [team.coordinator, team.physio, team.ot, team.coach];
    value(
      await services.dispatch('plans.agreeByMdt', {
        planId: draft.planId,
        revision: draft.revision,
        meetingId,
        attendeeIds: present,
        checkedById: team.physio,
      }),
    );
    const item = value<Meeting>(await services.dispatch('meetings.get', { meetingId })).agenda[0];
    value(
      await services.dispatch('meetings.saveCaseNotes', {
        itemId: item?.id,
        version: 1,
        notes: 'Pain limits lifting; keen to return.',
        decisions: 'Phased return from 7 December.',
      }),
    );

    const during = await pdf(demo, 'documents.minutesPdf', { meetingId });
    expect(during.document).toMatchObject({ draft: true, fileName: 'mdt-minutes-2026-12-03-draft.pdf' });
    expect(during.text).toMatch(/\bDRAFT\b/);

    value(await services.dispatch('meetings.recordAttendance', { meetingId, presentIds: present }));
    value(await services.dispatch('meetings.end', { meetingId }));
    await demo.signInAs('demo.physio');
    const ended = await pdf(demo, 'documents.minutesPdf', { meetingId });
    expect(ended.document).toMatchObject({ draft: false, fileName: 'mdt-minutes-2026-12-03.pdf' });
    expect(ended.text).not.toMatch(/\bDRAFT\b/);
    for (const phrase of [
      'MDT meeting minutes',
      '3 December 2026 at 09:30',
      'Alex Testperson',
      'Pain limits lifting; keen to return.',
      'Phased return from 7 December.',
      'Six physiotherapy sessions',
      'Discussed',
    ])
      expect(ended.text).toContain(phrase);
    expect(ended.text).toMatch(/Page 1 of \d/);
    expect((await exportLog(demo))[0]).toMatchObject({
      kind: 'minutes_pdf',
      included: 1,
      participantReference: expect.stringMatching(/^WW-/),
    });
    await services.close();
  });
});
