import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { value } from '../../support/demo-with-person';
import { referralCsv, referralCsvRow } from '../../support/referral-files';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';

describe('the referral inbox across laptops (issue 20)', () => {
  it('an imported referral reaches another laptop; two laptops deciding it offline cannot both win', { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const a = await laptopApp(partnership.laptopA, 'demo.coach');
    value(await a.dispatch('referrals.import', { format: 'csv', text: referralCsv([referralCsvRow(1)]) }));
    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);

    const laptopB = await partnership.enrol('demo.coordinator');
    const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
    const [onB] = value<{ referrals: InboxEntry[] }>(await b.dispatch('referrals.list', {})).referrals;
    expect(onB).toMatchObject({ givenName: 'Sam1', status: 'waiting', version: 1 });
    const [onA] = value<{ referrals: InboxEntry[] }>(await a.dispatch('referrals.list', {})).referrals;

    value(await a.dispatch('referrals.accept', { id: onA?.id, version: onA?.version }));
    value(await b.dispatch('referrals.decline', { id: onB?.id, version: onB?.version, reason: 'could_not_contact' }));
    expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    const late = await partnership.sync(laptopB.dataDir, 'demo.coordinator');
    expect(late.refused).toHaveLength(1);
    const held = await partnership.db.selectFrom('records').select(['table_name']).where('table_name', '=', 'referral_inbox').execute();
    expect(held).toHaveLength(1);
    // B now holds the winning decision: accepted on A, not its own decline.
    const settled = value<{ referrals: InboxEntry[]; declinedCount: number }>(await b.dispatch('referrals.list', { status: 'accepted' }));
    expect(settled.referrals).toEqual([expect.objectContaining({ id: onB?.id, status: 'accepted' })]);
    expect(settled.declinedCount).toBe(0);
  });
});
