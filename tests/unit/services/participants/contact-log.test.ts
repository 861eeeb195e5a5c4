import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../core/schemas/audit';
import type { ParticipantView } from '../../../../core/schemas/participant-record';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { testDate } from '../../../support/test-clock';

describe('the contact log (issue 20 item 5)', () => {
  it('lists contacts newest first with who recorded them; a clinician may add one; administrators neither read nor add them', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    value(
      await demo.services.dispatch('contacts.add', {
        participantId: demo.id,
        contactOn: testDate(-10),
        kind: 'phone',
        outcome: 'Booked the first appointment.',
      }),
    );
    await demo.signInAs('demo.physio');
    value(
      await demo.services.dispatch('contacts.add', {
        participantId: demo.id,
        contactOn: testDate(-3),
        kind: 'face_to_face',
        didNotAttend: true,
        outcome: 'Did not come to the physiotherapy session; letter sent.',
      }),
    );
    const record = value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
    if (record.clinicalWithheld) throw new Error('a physiotherapist reads the clinical record');
    expect(record.contacts).toEqual([
      expect.objectContaining({
        contactOn: testDate(-3),
        kind: 'face_to_face',
        didNotAttend: true,
        recordedByName: 'Demo Physiotherapist',
      }),
      expect.objectContaining({ contactOn: testDate(-10), kind: 'phone', didNotAttend: false, recordedByName: 'Demo Coach' }),
    ]);
    await demo.signInAs('demo.admin');
    const entries = value<{ entries: AuditEntry[] }>(
      await demo.services.dispatch('audit.search', { participantId: demo.id, limit: 50 }),
    ).entries;
    expect(entries.filter((entry) => entry.channel === 'contacts.add').map((entry) => [entry.action, entry.username])).toEqual([
      ['create', 'demo.physio'],
      ['create', 'demo.coach'],
    ]);
    // Administrators are not sent outcomes (clinical free text), nor may they add to the log.
    const asAdmin = value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
    expect(asAdmin.clinicalWithheld).toBe(true);
    expect(JSON.stringify(asAdmin)).not.toContain('physiotherapy session');
    expect(
      await demo.services.dispatch('contacts.add', { participantId: demo.id, contactOn: testDate(-1), kind: 'phone', outcome: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a future date, a missing outcome or kind, and an unknown person, and adds nothing', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coordinator');
    const refused = await demo.services.dispatch('contacts.add', { participantId: demo.id, contactOn: testDate(5), outcome: ' ' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { contactOn: expect.any(String), kind: 'Choose the kind of contact', outcome: expect.any(String) },
      },
    });
    expect(
      await demo.services.dispatch('contacts.add', { participantId: 'nobody', contactOn: testDate(-1), kind: 'video', outcome: 'Spoke.' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const record = value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
    expect(record.clinicalWithheld ? null : record.contacts).toEqual([]);
  });
});
