import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { value } from '../../support/demo-with-person';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testDate } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

const edit = (participantId: string, employerName: string) => {
  const registered = testReferral();
  return { participantId, version: 1, person: registered.person, employment: { ...registered.employment, employerName } };
};

describe('the case lifecycle across laptops (issue 20 item 5)', () => {
  it(
    'two laptops editing the same version of a person’s details offline: one lands, the other is refused; the server re-checks roles',
    { timeout: 240_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const { id } = value<{ id: string }>(await a.dispatch('participants.register', testReferral()));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const laptopB = await partnership.enrol('demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');

      value(await a.dispatch('participants.editDetails', edit(id, 'Laptop A Ltd')));
      value(await b.dispatch('participants.editDetails', edit(id, 'Laptop B Ltd')));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const late = await partnership.sync(laptopB.dataDir, 'demo.coordinator');
      expect(late.refused.map((refusal) => [refusal.channel, refusal.code])).toEqual([['participants.editDetails', 'CONFLICT']]);
      const held = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', '=', 'participant_detail_versions')
        .execute();
      expect(held).toHaveLength(1);
      expect(JSON.stringify(held)).toContain('Laptop A Ltd');
      // Laptop B now holds the edit that landed, with the old value readable.
      const onB = value<ParticipantView>(await b.dispatch('participants.get', { id }));
      expect(onB.employment.employerName).toBe('Laptop A Ltd');
      expect(onB.detailsEdits.map((change) => [change.version, change.before.employment.employerName])).toEqual([
        [2, 'Example Logistics Ltd'],
      ]);

      // Laptop B's coordinator reassigns the coach and closes the case: both reach the server.
      value(await b.dispatch('participants.assignCoach', { participantId: id, coachUserId: null }));
      value(
        await b.dispatch('participants.close', {
          participantId: id,
          closedOn: testDate(0),
          reason: 'moved_away',
          employmentOutcome: 'not_in_work',
        }),
      );
      expect((await partnership.sync(laptopB.dataDir, 'demo.coordinator')).refused).toEqual([]);
      const exits = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'participant_exits').execute();
      expect(JSON.stringify(exits)).toContain('moved_away');

      // A permitted contact applies on the server; the same change passed off as an administrator's is refused.
      value(await a.dispatch('contacts.add', { participantId: id, contactOn: testDate(-2), kind: 'phone', outcome: 'First call.' }));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      value(await a.dispatch('contacts.add', { participantId: id, contactOn: testDate(-1), kind: 'video', outcome: 'Passed off.' }));
      await a.close();
      await passOffOutboxChange(partnership.laptopA, 'contacts.add', 'demo.admin');
      const forged = await partnership.sync(partnership.laptopA, 'demo.admin');
      expect(forged.refused).toEqual([expect.objectContaining({ channel: 'contacts.add', code: 'FORBIDDEN' })]);
      const contacts = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'contact_log').execute();
      expect(contacts).toHaveLength(1);
      expect(JSON.stringify(contacts)).toContain('First call.');
      expect(JSON.stringify(contacts)).not.toContain('Passed off.');
    },
  );
});
