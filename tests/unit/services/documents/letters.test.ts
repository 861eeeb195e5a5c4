import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../core/schemas/audit';
import type { PdfDocument } from '../../../../core/schemas/documents';
import type { ExportLogPage } from '../../../../core/schemas/export-log';
import type { LetterSent } from '../../../../core/schemas/letters';
import type { ParticipantRecord } from '../../../../core/schemas/participant-record';
import { sha256Hex } from '../../../../services/exports/export-log';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { makeExportReady } from '../../../support/export-ready-person';
import { pdfPagePng, pdfText } from '../../../support/pdf-text';
import { testReferral } from '../../../support/test-referral';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

const PRACTICE = { odsCode: 'a81 001', name: 'Example Street Surgery' };

/** A letter as the services layer returns it, read back as text with pdf.js (DUMP_PDF_DIR keeps it and its first page as a picture). */
async function letter(demo: Demo, recipient: 'gp' | 'referrer', kind: 'plan_agreed' | 'case_closed') {
  const document = value<PdfDocument>(await demo.services.dispatch('documents.letterPdf', { participantId: demo.id, recipient, kind }));
  const bytes = new Uint8Array(Buffer.from(document.contentBase64, 'base64'));
  if (process.env.DUMP_PDF_DIR !== undefined) {
    writeFileSync(path.join(process.env.DUMP_PDF_DIR, document.fileName), bytes);
    writeFileSync(path.join(process.env.DUMP_PDF_DIR, document.fileName.replace(/\.pdf$/, '-1.png')), await pdfPagePng(bytes, 1, 80));
  }
  return { document, bytes, text: await pdfText(bytes, document.fileName) };
}

async function consent(demo: Demo, purpose: 'share_gp' | 'share_referrer'): Promise<{ id: string }> {
  await demo.signInAs('demo.coach');
  return value(
    await demo.services.dispatch('consents.record', {
      participantId: demo.id,
      purpose,
      decision: 'given',
      date: '2026-11-20',
      method: 'verbal',
    }),
  );
}

async function lettersSent(demo: Demo): Promise<LetterSent[]> {
  return value<{ letters: LetterSent[] }>(await demo.services.dispatch('documents.lettersSent', { participantId: demo.id })).letters;
}

async function letterExports(demo: Demo): Promise<ExportLogPage['entries']> {
  await demo.signInAs('demo.coordinator');
  return value<ExportLogPage>(await demo.services.dispatch('exports.log', { kind: 'letter_pdf' })).entries;
}

async function letterAudit(demo: Demo): Promise<AuditEntry[]> {
  await demo.signInAs('demo.admin');
  const { entries } = value<{ entries: AuditEntry[] }>(await demo.services.dispatch('audit.search', { limit: 200 }));
  return entries.filter((entry) => entry.channel === 'documents.letterPdf');
}

/** The demo person's details as registered, with their GP practice: an edit of version `version`. */
function detailsWithPractice(demo: Demo, version: number, gpPractice: { odsCode: string; name: string }) {
  const { person, employment } = testReferral({ person: { nhsNumber: '' } });
  return { participantId: demo.id, version, person, employment, gpPractice };
}

describe('letters to the GP and the referrer (issue 20 item 8)', () => {
  it(
    'the GP practice is set by a versioned edit (ODS code checked); the GP letter is refused without consent, then prints the agreed plan, logged, audited and listed',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      const { services, id } = demo;
      await makeExportReady(services, id, demo.signInAs);

      // No consent to write to the GP: refused, audited as denied, nothing rendered, logged or listed.
      const refused = await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'gp', kind: 'plan_agreed' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('write to their GP') } });
      expect(await letterExports(demo)).toEqual([]);
      expect(await lettersSent(demo)).toEqual([]);
      expect(await letterAudit(demo)).toMatchObject([{ action: 'denied', outcome: 'FORBIDDEN', participantId: id }]);

      // Consent, but no GP practice on the record yet: refused, naming what to do.
      await consent(demo, 'share_gp');
      expect(await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'gp', kind: 'plan_agreed' })).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining('No GP practice is recorded'),
          fields: { gpPractice: expect.any(String) },
        },
      });

      // A code not in a GP practice's shape, or a code without its name, is refused and changes nothing.
      expect(
        await services.dispatch('participants.editDetails', detailsWithPractice(demo, 1, { odsCode: 'AB1234', name: 'X' })),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { 'gpPractice.odsCode': expect.stringContaining('A81001') } },
      });
      expect(
        await services.dispatch('participants.editDetails', detailsWithPractice(demo, 1, { odsCode: 'A81001', name: ' ' })),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { 'gpPractice.name': expect.any(String) } },
      });
      expect(
        value<{ version: number }>(await services.dispatch('participants.editDetails', detailsWithPractice(demo, 1, PRACTICE))),
      ).toEqual({
        version: 2,
      });
      // Saving again from version 1 (someone else saved first) is refused: the compare-and-set holds for the GP practice too.
      expect(
        await services.dispatch('participants.editDetails', detailsWithPractice(demo, 1, { odsCode: 'B82002', name: 'Other Surgery' })),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const record = value<ParticipantRecord>(await services.dispatch('participants.get', { id }));
      expect(record.gpPractice).toEqual({ odsCode: 'A81001', name: 'Example Street Surgery' });
      expect(record.detailsEdits[0]).toMatchObject({ version: 2, before: { gpPractice: null }, after: { gpPractice: record.gpPractice } });
      // An edit that does not send the GP practice (an older laptop's) leaves it as it is.
      const { gpPractice: _left, ...withoutPractice } = detailsWithPractice(demo, 2, PRACTICE);
      value(
        await services.dispatch('participants.editDetails', {
          ...withoutPractice,
          person: { ...withoutPractice.person, phone: '07700 900456' },
        }),
      );
      expect(value<ParticipantRecord>(await services.dispatch('participants.get', { id })).gpPractice).toEqual(record.gpPractice);

      // Administrators do not produce letters nor read the list.
      await demo.signInAs('demo.admin');
      expect(await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'gp', kind: 'plan_agreed' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await services.dispatch('documents.lettersSent', { participantId: id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      await demo.signInAs('demo.physio');
      const gp = await letter(demo, 'gp', 'plan_agreed');
      expect(gp.document).toMatchObject({ draft: false, fileName: expect.stringMatching(/^letter-gp-plan-agreed-WW-\d{6}\.pdf$/) });
      for (const phrase of [
        'Letter to the GP practice',
        'Action plan agreed',
        'To Example Street Surgery (ODS code A81001)',
        'Alex Testperson',
        'Back to full shifts',
        'Six physiotherapy sessions',
        'Debt advice',
        '15 January 2027',
        '20 December 2026',
        'agreed that we write to you about their support.',
      ])
        expect(gp.text).toContain(phrase);
      expect(gp.text).toMatch(/Letter to the GP practice · Plan version 1 · Generated by .+ on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
      expect(gp.text).toContain('Page 1 of 1');
      expect(gp.text).not.toMatch(/\bDRAFT\b/);
      // The record holds a joined-up assessment and PHQ-9 and GAD-7 scores: none of it is in the letter.
      for (const clinical of ['Low back pain', 'Keeping my job', 'PHQ', 'GAD', 'risk']) expect(gp.text).not.toContain(clinical);

      const [logged] = await letterExports(demo);
      expect(logged).toMatchObject({
        destination: gp.document.fileName,
        sha256: sha256Hex(gp.bytes),
        username: 'demo.physio',
        included: 1,
      });
      const [sent, ...others] = await lettersSent(demo);
      expect(others).toEqual([]);
      expect(sent).toMatchObject({
        kind: 'plan_agreed',
        recipient: 'gp',
        addressedTo: 'Example Street Surgery (ODS code A81001)',
        fileName: gp.document.fileName,
        sentAt: logged?.at,
      });
      expect(sent?.sentByName).not.toBe('');
      expect((await letterAudit(demo)).map((entry) => [entry.action, entry.outcome, entry.participantId])).toEqual([
        ['export', 'ok', id],
        // The administrator's attempt, refused by role before the input is read.
        ['denied', 'FORBIDDEN', null],
        // Nobody to address: a failed export, not a denial.
        ['export', 'CONFLICT', id],
        ['denied', 'FORBIDDEN', id],
      ]);
      await services.close();
    },
  );

  it(
    'the referrer letter needs its own consent and a closed case, says how it closed, and stops when consent is withdrawn',
    { timeout: 120_000 },
    async () => {
      const demo = await demoWithPerson();
      const { services, id } = demo;
      await consent(demo, 'share_gp');
      const referrerConsent = await consent(demo, 'share_referrer');
      // Consent to write to the GP is not consent to write to the referrer, nor the other way round.
      expect(await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'gp', kind: 'case_closed' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('No GP practice') },
      });
      expect(
        await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'referrer', kind: 'case_closed' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('has not been closed') },
      });
      expect(
        await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'referrer', kind: 'plan_agreed' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('has not agreed a plan') },
      });
      expect(
        await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'employer', kind: 'case_closed' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });

      value(
        await services.dispatch('participants.close', {
          participantId: id,
          closedOn: '2026-11-30',
          reason: 'other',
          reasonNote: 'Moved to a role with another employer',
          employmentOutcome: 'new_job',
        }),
      );
      const closed = await letter(demo, 'referrer', 'case_closed');
      expect(closed.document.fileName).toMatch(/^letter-referrer-case-closed-WW-\d{6}\.pdf$/);
      for (const phrase of [
        'Letter to the referrer',
        'Support from WorkWell has ended',
        'To Dr Example',
        'Dear Dr Example,',
        '30 November 2026',
        'Other reason: Moved to a role with another employer',
        'Started a new job',
        'Letter to the referrer · Case closed · Generated by',
      ])
        expect(closed.text).toContain(phrase);
      expect(closed.text).not.toContain('Back pain since a lifting injury');

      value(await services.dispatch('consents.withdraw', { consentId: referrerConsent.id, date: '2026-12-01' }));
      expect(
        await services.dispatch('documents.letterPdf', { participantId: id, recipient: 'referrer', kind: 'case_closed' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('whoever referred them') },
      });
      expect((await lettersSent(demo)).map((sent) => [sent.kind, sent.recipient, sent.addressedTo])).toEqual([
        ['case_closed', 'referrer', 'Dr Example'],
      ]);
      expect(await letterExports(demo)).toHaveLength(1);
      await services.close();
    },
  );
});
