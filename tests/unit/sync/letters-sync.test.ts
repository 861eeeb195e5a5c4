import { describe, expect, it } from 'vitest';
import type { LetterSent } from '../../../core/schemas/letters';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { value } from '../../support/demo-with-person';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testDate } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

describe('the GP practice and the letters sent, across laptops (issue 20 item 8)', () => {
  it(
    'the GP practice set at registration and a letter produced on one laptop reach the other; a letter passed off as an administrator’s is refused',
    { timeout: 240_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const { id } = value<{ id: string }>(
        await a.dispatch('participants.register', { ...testReferral(), gpPractice: { odsCode: 'A81001', name: 'Example Street Surgery' } }),
      );
      value(
        await a.dispatch('consents.record', {
          participantId: id,
          purpose: 'share_gp',
          decision: 'given',
          date: testDate(-1),
          method: 'verbal',
        }),
      );
      value(
        await a.dispatch('participants.close', {
          participantId: id,
          closedOn: testDate(0),
          reason: 'moved_away',
          employmentOutcome: 'not_in_work',
        }),
      );
      value(await a.dispatch('documents.letterPdf', { participantId: id, recipient: 'gp', kind: 'case_closed' }));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);

      const held = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', 'in', ['participants', 'letters_sent'])
        .execute();
      expect(JSON.stringify(held)).toContain('"gp_practice_ods_code":"A81001"');
      expect(JSON.stringify(held)).toContain('"recipient":"gp"');

      const laptopB = await partnership.enrol('demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
      const onB = value<ParticipantView>(await b.dispatch('participants.get', { id }));
      expect(onB.gpPractice).toEqual({ odsCode: 'A81001', name: 'Example Street Surgery' });
      const sent = value<{ letters: LetterSent[] }>(await b.dispatch('documents.lettersSent', { participantId: id })).letters;
      expect(sent.map((letter) => [letter.kind, letter.recipient, letter.addressedTo])).toEqual([
        ['case_closed', 'gp', 'Example Street Surgery (ODS code A81001)'],
      ]);
      await b.close();

      // The same letter passed off as an administrator's (who may not produce letters) is refused by the server.
      value(await a.dispatch('documents.letterPdf', { participantId: id, recipient: 'gp', kind: 'case_closed' }));
      await a.close();
      await passOffOutboxChange(partnership.laptopA, 'documents.letterPdf', 'demo.admin');
      const forged = await partnership.sync(partnership.laptopA, 'demo.admin');
      expect(forged.refused).toEqual([expect.objectContaining({ channel: 'documents.letterPdf', code: 'FORBIDDEN' })]);
      const letters = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'letters_sent').execute();
      expect(letters).toHaveLength(1);
    },
  );
});
