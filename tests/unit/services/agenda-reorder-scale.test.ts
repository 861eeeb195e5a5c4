import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Meeting } from '../../../core/schemas/meetings';
import { createAppServices } from '../../../services/app-services';
import { value } from '../../support/demo-with-person';
import { makeLongAgendaStore } from '../../support/make-long-agenda-store';
import { storeReader } from '../../support/store-reader';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const EXTRA = 5_000;

describe('reordering an agenda of 5,000 cases', () => {
  it('moving one case rewrites one row, not the agenda, and the whole order the screen sends is kept exactly', async () => {
    const dataDir = tempDir();
    await makeLongAgendaStore(dataDir, EXTRA);
    const reader = await storeReader(dataDir, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    const services = createAppServices({ clock: testClock(), dataDir });
    try {
      const meetingId = reader.read(
        (database) => database.prepare("SELECT id FROM meetings WHERE status = 'planned' ORDER BY held_on LIMIT 1").pluck().get() as string,
      );
      const keys = () =>
        new Map(
          reader
            .read(
              (database) =>
                database.prepare('SELECT id, position FROM agenda_items WHERE meeting_id = ?').all(meetingId) as Array<{
                  id: string;
                  position: number;
                }>,
            )
            .map((row) => [row.id, row.position]),
        );
      value(await services.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
      const agenda = async () => value<Meeting>(await services.dispatch('meetings.get', { meetingId })).agenda.map((item) => item.id);
      const ids = await agenda();
      expect(ids.length).toBeGreaterThanOrEqual(EXTRA);

      // Drag the case at 4,000 up to third place, twice (the second time between two moved keys).
      for (const [from, to] of [
        [4_000, 2],
        [4_500, 3],
      ] as const) {
        const before = keys();
        const target = [...(await agenda())];
        const [moved] = target.splice(from, 1);
        target.splice(to, 0, moved ?? '');
        value(await services.dispatch('meetings.reorderAgenda', { meetingId, itemIds: target }));
        const after = keys();
        const changed = [...after].filter(([id, position]) => before.get(id) !== position).map(([id]) => id);
        expect(changed).toEqual([moved]);
        expect(await agenda()).toEqual(target);
      }
    } finally {
      reader.forget();
      await services.close();
    }
  }, 240_000);
});
