import { describe, expect, it } from 'vitest';
import { clockStartingAt } from '../../../../core/clock';
import type { AuditEntry } from '../../../../core/schemas/audit';
import type { PdfDocument } from '../../../../core/schemas/documents';
import type { EmployerLetterApproval } from '../../../../core/schemas/employer-letter-approval';
import type { ExportLogPage } from '../../../../core/schemas/export-log';
import type { ParticipantAdjustments } from '../../../../core/schemas/workplace-adjustments';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { employerShareConsent, oneAdjustment } from '../../../support/employer-letter-case';
import { makeExportReady } from '../../../support/export-ready-person';
import { pdfText } from '../../../support/pdf-text';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** The clock these tests run on: an afternoon that is not the test run's own date, so "when" is provably the injected clock's. */
const APPROVAL_INSTANT = '2026-12-03T14:30:00Z';

/** The coach records the person's consent to share adjustments with their employer. */
async function giveEmployerConsent(demo: Demo): Promise<{ id: string }> {
  await demo.signInAs('demo.coach');
  return value<{ id: string }>(await demo.services.dispatch('consents.record', employerShareConsent(demo.id)));
}

async function letter(demo: Demo, final: boolean) {
  const result = await demo.services.dispatch('documents.employerLetterPdf', { participantId: demo.id, final });
  if (!result.ok) return { result, text: '' };
  const document = value<PdfDocument>(result);
  return { result, document, text: await pdfText(new Uint8Array(Buffer.from(document.contentBase64, 'base64')), document.fileName) };
}

async function approval(demo: Demo): Promise<EmployerLetterApproval | null> {
  return value<ParticipantAdjustments>(await demo.services.dispatch('adjustments.get', { participantId: demo.id })).employerLetterApproval;
}

async function letterExports(demo: Demo): Promise<number> {
  return value<ExportLogPage>(await demo.services.dispatch('exports.log', { kind: 'employer_letter_pdf' })).entries.length;
}

describe('the person approves the employer letter before it goes final (issue 15, defect 11)', () => {
  it(
    'is only a draft until the person approves it; the approval records how, by whom and when; a change to the letter lapses it',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson({ clock: clockStartingAt(APPROVAL_INSTANT) });
      const { services, id } = demo;
      // An MDT-agreed plan, consent to share with the employer, and the OT's adjustments (version 1).
      await makeExportReady(services, id, demo.signInAs);
      const consent = await giveEmployerConsent(demo);
      await demo.signInAs('demo.ot');
      value(await services.dispatch('adjustments.save', oneAdjustment(id, 'Avoid lifting more than 5 kg')));

      // Not approved: the final letter is refused, naming what is missing, and nothing is rendered or logged.
      const refused = await letter(demo, true);
      expect(refused.result).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining('has not approved this letter'),
          fields: { approval: expect.any(String) },
        },
      });
      expect(!refused.result.ok && refused.result.error.fields?.plan).toBeUndefined();
      // The draft is there to go through with the person: watermarked, and saying in its body and footer that it is not approved.
      const draft = await letter(demo, false);
      expect(draft.document).toMatchObject({ draft: true, fileName: expect.stringMatching(/^workplace-adjustments-WW-\d{6}-draft\.pdf$/) });
      expect(draft.text).toContain('Avoid lifting more than 5 kg');
      expect(draft.text).toContain('DRAFT: not approved by the person');
      expect(draft.text).toMatch(/Do\s+not\s+send\s+it\s+to\s+the\s+employer\./);
      await demo.signInAs('demo.coordinator');
      expect(await letterExports(demo)).toBe(1);

      // Bad approvals change nothing: no way given, a version the person was not shown, a role that does not record approvals.
      await demo.signInAs('demo.coach');
      expect(await services.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 1 })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { method: 'Choose how the person gave their approval' } },
      });
      expect(
        await services.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 2, method: 'phone' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { adjustmentsVersion: expect.any(String) } } });
      await demo.signInAs('demo.mh');
      expect(
        await services.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 1, method: 'phone' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await demo.signInAs('demo.coach');
      expect(await approval(demo)).toBeNull();

      // The person approves by phone; the coach records it.
      const approved = value<EmployerLetterApproval>(
        await services.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 1, method: 'phone' }),
      );
      expect(approved).toMatchObject({ method: 'phone', recordedByName: 'Demo Coach', adjustmentsVersion: 1, inForce: true });
      expect(approved.approvedAt >= '2026-12-03T14:30:00.000Z' && approved.approvedAt < '2026-12-03T15:00:00.000Z').toBe(true);
      expect(await approval(demo)).toEqual(approved);

      // Now the OT downloads the final letter: no watermark, no draft line.
      await demo.signInAs('demo.ot');
      const final = await letter(demo, true);
      expect(final.document).toMatchObject({ draft: false, fileName: expect.stringMatching(/^workplace-adjustments-WW-\d{6}\.pdf$/) });
      expect(final.text).toContain('Avoid lifting more than 5 kg');
      expect(final.text).not.toContain('DRAFT');
      expect(final.text).not.toContain('Do not send it');

      // The OT changes the adjustments: the approval no longer covers the letter, and the final letter is refused again.
      value(await services.dispatch('adjustments.save', oneAdjustment(id, 'Avoid lifting more than 10 kg', { version: 1 })));
      expect(await approval(demo)).toMatchObject({ id: approved.id, inForce: false });
      expect((await letter(demo, true)).result).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('changed since the person approved it') },
      });

      // Without consent to share with the employer there is nothing to approve.
      await demo.signInAs('demo.coach');
      value(await services.dispatch('consents.withdraw', { consentId: consent.id, date: '2026-12-01' }));
      expect(
        await services.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 2, method: 'in_person' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      // Audited: the approval (an edit, for the person) and each refused final download.
      await demo.signInAs('demo.admin');
      const entries = value<{ entries: AuditEntry[] }>(await services.dispatch('audit.search', { limit: 200 })).entries;
      expect(entries.filter((entry) => entry.channel === 'adjustments.approveEmployerLetter' && entry.outcome === 'ok')).toMatchObject([
        { action: 'edit', participantId: id, username: 'demo.coach' },
      ]);
      expect(
        entries
          .filter((entry) => entry.channel === 'documents.employerLetterPdf' && entry.outcome === 'CONFLICT')
          .map((entry) => entry.username),
      ).toEqual(['demo.ot', 'demo.ot']);
      await demo.signInAs('demo.coordinator');
      // The draft and the final letter; the refused ones were never rendered.
      expect(await letterExports(demo)).toBe(2);
      await services.close();
    },
  );

  it('refuses the final letter while the MDT has not agreed the plan, and says so in the draft', { timeout: 120_000 }, async () => {
    const demo = await demoWithPerson();
    const { services, id } = demo;
    await giveEmployerConsent(demo);
    await demo.signInAs('demo.ot');
    value(
      await services.dispatch('plans.saveDraft', {
        participantId: id,
        goals: [{ id: 'g1', text: 'Back to full shifts' }],
        actions: [],
        reviewOn: '2027-02-01',
      }),
    );
    value(await services.dispatch('adjustments.save', oneAdjustment(id, 'Avoid lifting more than 5 kg')));
    value(await services.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 1, method: 'in_writing' }));
    const refused = await letter(demo, true);
    expect(refused.result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { plan: expect.stringContaining('not agreed') } },
    });
    expect(!refused.result.ok && refused.result.error.fields?.approval).toBeUndefined();
    expect((await letter(demo, false)).text).toContain('DRAFT: not agreed');
    await services.close();
  });
});
