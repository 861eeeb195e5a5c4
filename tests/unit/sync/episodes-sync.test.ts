import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { value } from '../../support/demo-with-person';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testDate } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { referralCsv, referralCsvRow } from '../../support/referral-files';

/** testReferral()'s person as a referral CSV's columns, with the phone their next referral gives. */
const RETURNING_PERSON = {
  given_name: 'Alex',
  family_name: 'Testperson',
  date_of_birth: '1984-03-02',
  nhs_number: '9990000018',
  phone: '07700 900456',
};

/** Registration's duplicate path for the closed case `id`: a referral dated `date` starts their next episode. */
const nextEpisode = (id: string, date: string, phone?: string) => {
  const referral = testReferral(phone === undefined ? {} : { person: { phone } });
  return { ...referral, referral: { ...referral.referral, date, route: 'self_referral' as const }, newEpisodeOf: id };
};

describe('episodes across laptops (issue 20 item 4)', () => {
  it(
    'two laptops starting episode 2 of the same closed case offline: one lands, the other is refused; the server re-checks roles',
    { timeout: 240_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const { id } = value<{ id: string }>(await a.dispatch('participants.register', testReferral()));
      value(
        await a.dispatch('participants.close', {
          participantId: id,
          closedOn: testDate(-3),
          reason: 'moved_away',
          employmentOutcome: 'not_in_work',
        }),
      );
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const laptopB = await partnership.enrol('demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
      // A laptop enrolled after the case began derives the same episode 1 from the synced referral.
      expect(value<ParticipantView>(await b.dispatch('participants.get', { id })).episodes).toEqual([
        expect.objectContaining({ number: 1, startedOn: '2026-11-02', end: expect.objectContaining({ reason: 'moved_away' }) }),
      ]);

      // Laptop A's registration also types a new phone number: a details version that travels with the episode.
      value(await a.dispatch('participants.register', nextEpisode(id, testDate(-1), '07700 900777')));
      value(await b.dispatch('participants.register', nextEpisode(id, testDate(0))));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const late = await partnership.sync(laptopB.dataDir, 'demo.coordinator');
      expect(late.refused.map((refusal) => [refusal.channel, refusal.code])).toEqual([['participants.register', 'CONFLICT']]);
      const episodes = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'participant_episodes').execute();
      expect(episodes).toHaveLength(1);
      expect(episodes[0]?.row).toMatchObject({
        participant_id: id,
        number: 2,
        started_on: testDate(-1),
        previous_end_reason: 'moved_away',
      });
      // The exit moved onto episode 2's row: the server holds no current exit, and the person is referred again.
      expect(
        await partnership.db
          .selectFrom('records')
          .select('key')
          .where('table_name', '=', 'participant_exits')
          .where('key', '=', JSON.stringify([id]))
          .execute(),
      ).toEqual([]);
      const versions = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', '=', 'participant_detail_versions')
        .execute();
      expect(versions.map((version) => version.row)).toEqual([expect.objectContaining({ participant_id: id, version: 2 })]);
      const onB = value<ParticipantView>(await b.dispatch('participants.get', { id }));
      expect(onB.status).toBe('referred');
      expect(onB.phone).toBe('07700 900777');
      expect(onB.detailsEdits.map((edit) => [edit.version, edit.before.phone, edit.after.phone])).toEqual([
        [2, '07700 900123', '07700 900777'],
      ]);
      expect(onB.episodes.map((episode) => [episode.number, episode.startedOn, episode.end?.reason ?? null])).toEqual([
        [1, '2026-11-02', 'moved_away'],
        [2, testDate(-1), null],
      ]);

      // Laptop A closes the current episode today and syncs it.
      const closeOnA = async () => {
        value(
          await a.dispatch('participants.close', {
            participantId: id,
            closedOn: testDate(0),
            reason: 'other',
            reasonNote: 'Test',
            employmentOutcome: 'new_job',
          }),
        );
        expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      };
      await b.close();
      await closeOnA();
      // Episode 3 from the referral inbox: what the referral says (a new phone) is a details version the server takes from `referrals.accept`.
      const again = referralCsvRow(1, { ...RETURNING_PERSON, referral_date: testDate(0), route: 'employer' });
      value(await a.dispatch('referrals.import', { format: 'csv', text: referralCsv([again]) }));
      const [entry] = value<{ referrals: InboxEntry[] }>(await a.dispatch('referrals.list', { status: 'waiting' })).referrals as [
        InboxEntry,
      ];
      expect(
        value<{ newEpisode: number | null }>(
          await a.dispatch('referrals.accept', { id: entry.id, version: entry.version, linkToParticipantId: id }),
        ).newEpisode,
      ).toBe(3);
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const fromInbox = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', '=', 'participant_detail_versions')
        .execute();
      expect(fromInbox.map((version) => version.row)).toContainEqual(expect.objectContaining({ participant_id: id, version: 3 }));
      // Episode 3 closes and episode 4 starts on laptop A, passed off as a physiotherapist's (who may not register): refused.
      await closeOnA();
      value(await a.dispatch('participants.register', nextEpisode(id, testDate(0))));
      await a.close();
      await passOffOutboxChange(partnership.laptopA, 'participants.register', 'demo.physio');
      const forged = await partnership.sync(partnership.laptopA, 'demo.physio');
      expect(forged.refused).toEqual([expect.objectContaining({ channel: 'participants.register', code: 'FORBIDDEN' })]);
      const held = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'participant_episodes').execute();
      expect(held).toHaveLength(2);
    },
  );
});
