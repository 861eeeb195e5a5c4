import { describe, expect, it } from 'vitest';
import type { LibraryActionEntry } from '../../../core/schemas/config/action-library';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';

const library = async (laptop: Awaited<ReturnType<typeof laptopApp>>) =>
  value<PartnershipConfig>(await laptop.dispatch('config.get', {})).actionLibrary;

describe('the action library across laptops', () => {
  it(
    'an action added on one laptop reaches the other; two administrators editing the same one offline: the first to sync wins, the second is refused CONFLICT and shows the first',
    { timeout: 120_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopB = await partnership.enrol('demo.admin');
      const a = await laptopApp(partnership.laptopA, 'demo.admin');
      const b = await laptopApp(laptopB.dataDir, 'demo.admin');

      const added = value<LibraryActionEntry>(
        await a.dispatch('config.saveLibraryAction', {
          disciplineCode: 'occupational_therapy',
          kind: 'intervention',
          description: 'Sensory assessment of the workplace',
          dueAfter: 'two_weeks',
        }),
      );
      expect((await partnership.sync(partnership.laptopA, 'demo.admin')).refused).toEqual([]);
      await partnership.sync(laptopB.dataDir, 'demo.admin');
      expect(await library(b)).toContainEqual(added);

      // Offline, each edits version 1 of the same entry.
      const edit = (description: string) => ({
        id: added.id,
        version: 1,
        disciplineCode: added.disciplineCode,
        kind: added.kind,
        dueAfter: added.dueAfter,
        description,
      });
      value(await a.dispatch('config.saveLibraryAction', edit('Sensory assessment of the workplace (laptop A)')));
      value(await b.dispatch('config.saveLibraryAction', edit('Sensory assessment of the workplace (laptop B)')));
      expect((await partnership.sync(partnership.laptopA, 'demo.admin')).refused).toEqual([]);
      const refused = (await partnership.sync(laptopB.dataDir, 'demo.admin')).refused;
      expect(refused.map((refusal) => [refusal.channel, refusal.code])).toEqual([['config.saveLibraryAction', 'CONFLICT']]);

      const onServer = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', '=', 'action_library')
        .where('key', '=', JSON.stringify([added.id]))
        .executeTakeFirstOrThrow();
      expect(onServer.row).toMatchObject({ description: 'Sensory assessment of the workplace (laptop A)', version: 2 });
      for (const laptop of [a, b])
        expect((await library(laptop)).find((entry) => entry.id === added.id)).toMatchObject({
          description: 'Sensory assessment of the workplace (laptop A)',
          version: 2,
        });
    },
  );
});
