import { describe, expect, it } from 'vitest';
import type { FitNote } from '../../../core/schemas/fit-note';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { value } from '../../support/demo-with-person';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { gpFitNote as gpNote } from '../../support/fit-note-input';
import { testReferral } from '../../support/test-referral';

/** The fit notes the server holds for one person (the demo's own people have fit notes of their own). */
async function heldFitNotes(db: Awaited<ReturnType<typeof demoOnServer>>['db'], participantId: string) {
  const rows = await db.selectFrom('records').select('row').where('table_name', '=', 'fit_notes').execute();
  return rows.filter(({ row }) => (row as { participant_id?: unknown }).participant_id === participantId);
}

describe('fit notes across laptops (issue 20 item 2)', () => {
  it('a fit note recorded by a coach reaches the partnership server and a clinician’s laptop', { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const a = await laptopApp(partnership.laptopA, 'demo.coach');
    const { id } = value<{ id: string }>(
      await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Fitnoteperson' } })),
    );
    const saved = value<FitNote>(await a.dispatch('fitNotes.record', gpNote(id)));
    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    expect(await heldFitNotes(partnership.db, id)).toHaveLength(1);

    const laptopB = await partnership.enrol('demo.physio');
    const b = await laptopApp(laptopB.dataDir, 'demo.physio');
    const onB = value<ParticipantRecord>(await b.dispatch('participants.get', { id }));
    expect(onB.fitNotes).toEqual([saved]);
  });

  it(
    'a coordinator enters a fit note handed to them, with no end date; the partnership server takes it as recorded',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coordinator');
      const { id } = value<{ id: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Handednote' } })),
      );
      const saved = value<FitNote>(await a.dispatch('fitNotes.record', gpNote(id, { periodTo: null })));
      expect(saved).toMatchObject({ periodTo: null, recordedBy: 'Demo Coordinator' });
      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).refused).toEqual([]);
      // Held as recorded, with no end date (another laptop reading it back is the first test's part).
      expect((await heldFitNotes(partnership.db, id)).map(({ row }) => row)).toEqual([
        expect.objectContaining({ id: saved.id, period_to: null, recorded_by: expect.any(String) }),
      ]);
    },
  );

  it('the server refuses a fit note pushed by a role that may not record one, and keeps nothing of it', { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const a = await laptopApp(partnership.laptopA, 'demo.coach');
    const { id } = value<{ id: string }>(
      await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Forgednote' } })),
    );
    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    value(await a.dispatch('fitNotes.record', gpNote(id)));
    await a.close();
    // The administrator may not record fit notes: they pass off the coach's waiting change as their own.
    await passOffOutboxChange(partnership.laptopA, 'fitNotes.record', 'demo.admin');
    const report = await partnership.sync(partnership.laptopA, 'demo.admin');
    expect(report.refused).toEqual([expect.objectContaining({ channel: 'fitNotes.record', code: 'FORBIDDEN' })]);
    expect(await heldFitNotes(partnership.db, id)).toEqual([]);
  });
});
