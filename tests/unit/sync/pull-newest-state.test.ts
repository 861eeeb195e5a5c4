import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Meeting, MeetingSummary } from '../../../core/schemas/meetings';
import { pullResponseSchema, SYNC_FORMAT_VERSION } from '../../../core/sync/sync-protocol';
import { readSyncState } from '../../../db/sync/sync-state';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { signIn } from '../../../services/sync/sync-client';
import { syncOnce } from '../../../services/sync/sync-once';
import { value } from '../../support/demo-with-person';
import { httpCall } from '../../support/http-call';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testClock } from '../../support/test-clock';

const passphrase = DEMO_PARTNERSHIP.passphrase;

describe('a pull', () => {
  it('brings each record once, in its newest state, however often it changed after the cursor', { timeout: 120_000 }, async () => {
    const partnership = await demoOnServer();
    const app = await laptopApp(partnership.laptopA, 'demo.coordinator');
    const [summary] = value<{ meetings: MeetingSummary[] }>(await app.dispatch('meetings.list', {})).meetings;
    const meeting = value<Meeting>(await app.dispatch('meetings.get', { meetingId: summary!.id }));
    const item = meeting.agenda[0]!;
    let version = item.version;
    for (const notes of ['First thoughts.', 'Second thoughts.', 'Agreed: physiotherapy first.'])
      version = value<{ version: number }>(
        await app.dispatch('meetings.saveCaseNotes', { itemId: item.id, version, notes, decisions: '' }),
      ).version;

    const opened = await openSyncStore(partnership.laptopA, 'demo.coordinator', passphrase);
    try {
      const before = readSyncState(opened.store)!;
      const user = { userId: opened.slot.userId, username: 'demo.coordinator', ...opened.userKey };
      const report = await syncOnce(opened.store, user, testClock());
      expect(report.refused).toEqual([]);
      const session = await signIn(before.serverUrl, { username: 'demo.coordinator', deviceId: before.deviceId, ...opened.userKey });
      const answer = await httpCall(`${before.serverUrl}/sync/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ cursor: before.cursor, formatVersion: SYNC_FORMAT_VERSION }),
      });
      const { changes } = pullResponseSchema.parse(answer.json);
      const ofItem = changes.filter((change) => change.table === 'agenda_items' && change.key[0] === item.id);
      // Three saves after the cursor, one state: the newest (an older one can clash with what a laptop holds).
      expect(ofItem).toHaveLength(1);
      expect(ofItem[0]!.row).toMatchObject({ notes: 'Agreed: physiotherapy first.' });
      const keys = changes.map((change) => `${change.table} ${change.key.join(',')}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await opened.close();
    }
  });
});
