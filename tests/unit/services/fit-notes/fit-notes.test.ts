import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import { currentFitNote } from '../../../../core/fit-notes/current-fit-note';
import type { FitNote, RecordFitNoteInput } from '../../../../core/schemas/fit-note';
import type { ParticipantView } from '../../../../core/schemas/participant-record';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { gpFitNote } from '../../../support/fit-note-input';
import { storeReader } from '../../../support/store-reader';
import { testDate, TEST_NOW } from '../../../support/test-clock';
import { testReferral } from '../../../support/test-referral';

type Demo = Awaited<ReturnType<typeof demoWithPerson>>;

/** The GP's fit note, named once with the person's own issuer. */
const gpNote = (participantId: string, overrides: Partial<RecordFitNoteInput> = {}) =>
  gpFitNote(participantId, { issuerName: 'Dr Asha Example', ...overrides });

async function fitNotes(demo: Demo, id = demo.id): Promise<FitNote[]> {
  const view = value<ParticipantView>(await demo.services.dispatch('participants.get', { id }));
  if (view.clinicalWithheld) throw new Error('the clinical record was withheld');
  return view.fitNotes;
}

/** Fit notes stored for the test's person (the demo's own people have fit notes of their own). */
async function storedFitNotes(demo: Demo): Promise<number> {
  const reader = await storeReader(demo.dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
  return reader.read(
    (database) => (database.prepare('SELECT COUNT(*) AS n FROM fit_notes WHERE participant_id = ?').get(demo.id) as { n: number }).n,
  );
}

describe('fit notes on the record (issue 20 item 2)', () => {
  it('a coach records one; it comes with the record to the team, by whom and when, and never to the administrator', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    const saved = value<FitNote>(
      await demo.services.dispatch(
        'fitNotes.record',
        gpNote(demo.id, {
          fitness: 'may_be_fit',
          categories: ['phased_return', 'altered_hours'],
          comments: 'Mornings only at first.',
          fromConversation: true,
        }),
      ),
    );
    expect(saved).toMatchObject({
      participantId: demo.id,
      fitness: 'may_be_fit',
      categories: ['phased_return', 'altered_hours'],
      comments: 'Mornings only at first.',
      issuerName: 'Dr Asha Example',
      fromConversation: true,
      reviewNeeded: true,
      replacesId: null,
      replacedById: null,
      recordedBy: 'Demo Coach',
    });
    // "When" is the injected clock's (the test clock starts at TEST_NOW and runs on).
    expect(Date.parse(saved.recordedAt) - Date.parse(TEST_NOW)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(saved.recordedAt) - Date.parse(TEST_NOW)).toBeLessThan(10 * 60_000);

    await demo.signInAs('demo.physio');
    expect(await fitNotes(demo)).toEqual([saved]);
    await demo.signInAs(DEMO_PARTNERSHIP.adminUsername);
    const adminView = value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
    expect(adminView).not.toHaveProperty('fitNotes');
    await demo.services.close();
  });

  it('the coordinator enters one handed to them with no end date (indefinite); it is the current fit note from its start on', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coordinator');
    const saved = value<FitNote>(
      await demo.services.dispatch(
        'fitNotes.record',
        gpNote(demo.id, { periodFrom: testDate(-200), issuedOn: testDate(-200), periodTo: null }),
      ),
    );
    expect(saved).toMatchObject({ periodTo: null, recordedBy: 'Demo Coordinator' });
    const notes = await fitNotes(demo);
    expect(notes).toEqual([saved]);
    expect(currentFitNote(notes, testDate(400))).toEqual({ note: saved, timing: 'in_force' });
    await demo.services.close();
  });

  it('the administrator is refused, and bad input is refused by field; nothing is written', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs(DEMO_PARTNERSHIP.adminUsername);
    expect(await demo.services.dispatch('fitNotes.record', gpNote(demo.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await demo.signInAs('demo.ot');
    expect(
      await demo.services.dispatch('fitNotes.record', gpNote(demo.id, { periodTo: testDate(-5), issuedOn: testDate(1) })),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { issuedOn: 'The date issued must be today or in the past' },
      },
    });
    expect(await demo.services.dispatch('fitNotes.record', gpNote(demo.id, { periodTo: testDate(-5) }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { periodTo: 'The end of the period must be on or after its start' } },
    });
    expect(await demo.services.dispatch('fitNotes.record', gpNote('no-such-person'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await storedFitNotes(demo)).toBe(0);
    await demo.services.close();
  });

  it('a correction is a new entry naming the one it replaces; the original stays readable; one correction each', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    const original = value<FitNote>(await demo.services.dispatch('fitNotes.record', gpNote(demo.id)));
    const correction = value<FitNote>(
      await demo.services.dispatch(
        'fitNotes.record',
        gpNote(demo.id, { periodTo: testDate(10), replacesId: original.id, correctionReason: 'The end date was typed wrongly.' }),
      ),
    );
    expect(correction).toMatchObject({
      replacesId: original.id,
      correctionReason: 'The end date was typed wrongly.',
      periodTo: testDate(10),
    });
    const notes = await fitNotes(demo);
    expect(notes.map((note) => [note.id, note.replacedById])).toEqual(
      expect.arrayContaining([
        [original.id, correction.id],
        [correction.id, null],
      ]),
    );
    expect(notes.find((note) => note.id === original.id)).toMatchObject({ periodTo: testDate(24), issuerName: 'Dr Asha Example' });

    const again = await demo.services.dispatch(
      'fitNotes.record',
      gpNote(demo.id, { replacesId: original.id, correctionReason: 'A second correction of the same note.' }),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { replacesId: 'Already corrected' } } });

    // Someone else's fit note cannot be corrected from this record.
    const other = value<{ id: string }>(
      await demo.services.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Otherperson' } })),
    );
    expect(
      await demo.services.dispatch('fitNotes.record', gpNote(other.id, { replacesId: correction.id, correctionReason: 'Wrong person.' })),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { replacesId: 'Not found on this record' } } });
    expect(await storedFitNotes(demo)).toBe(2);
    await demo.services.close();
  });

  it('the store itself refuses to change or delete a recorded fit note', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.mh');
    const saved = value<FitNote>(await demo.services.dispatch('fitNotes.record', gpNote(demo.id)));
    await demo.services.close();
    const reader = await storeReader(demo.dataDir, 'demo.mh', DEMO_PARTNERSHIP.passphrase);
    reader.read((database) => {
      expect(() => database.prepare("UPDATE fit_notes SET period_to = '2027-01-31' WHERE id = ?").run(saved.id)).toThrow(/WORKWELL_LOCKED/);
      expect(() => database.prepare('DELETE FROM fit_notes WHERE id = ?').run(saved.id)).toThrow(/WORKWELL_LOCKED/);
    });
  });
});
