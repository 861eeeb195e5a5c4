import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import { MI_RETURN_COLUMNS } from '../../../../core/exports/mi-return-columns';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import type { InboxEntry } from '../../../../core/schemas/referral-inbox';
import { createAppServices } from '../../../../services/app-services';
import { value } from '../../../support/demo-with-person';
import { referralCsv, referralCsvRow } from '../../../support/referral-files';
import { miReturnRows } from '../../../support/mi-return-rows';
import { tempDir } from '../../../support/temp-dir';

/** The declined-referral rows of a return, as `route reason count`. */
function declinesOf(mi: MiReturn): string[] {
  return miReturnRows(mi.csv)
    .filter((row) => row.row_type === 'declined_referrals')
    .map((row) => `${row.declined_route} ${row.decline_reason} ${row.declined_referrals}`);
}

const DECLINE_COLUMNS = new Set(['reporting_month', 'row_type', 'declined_route', 'decline_reason', 'declined_referrals']);

/**
 * Each referral: its route, and what happens to it when (the instant of the decision). Around the
 * month's edges, and one at 00:30 in England on 1 October while it is still 30 September in UTC
 * (British Summer Time): a decline belongs to the day it was taken in England.
 */
const REFERRALS = [
  { route: 'community_service', decide: { at: '2026-09-30T23:30:00Z', reason: 'better_served_elsewhere' } },
  { route: 'jobcentre_plus', decide: { at: '2026-10-31T23:59:00Z', reason: 'not_eligible_area' } },
  { route: 'gp', decide: { at: '2026-11-01T00:00:30Z', reason: 'not_eligible_age' } },
  { route: 'gp', decide: { at: '2026-11-15T10:00:00Z', reason: 'duplicate' } },
  { route: 'employer', decide: { at: '2026-11-15T10:00:00Z', reason: 'person_declined' } },
  { route: 'employer', decide: { at: '2026-11-15T11:00:00Z', reason: 'accept' } },
  { route: 'gp', decide: { at: '2026-11-30T23:59:00Z', reason: 'not_eligible_age' } },
  { route: 'jobcentre_plus', decide: { at: '2026-12-01T00:00:30Z', reason: 'could_not_contact' } },
  { route: 'self_referral', decide: null },
] as const;

describe('declined referrals in the MI return (issue 20, item 9)', () => {
  it(
    'counts the referrals declined in the month by route and reason, not those declined in other months, waiting or accepted, and nothing personal',
    { timeout: 120_000 },
    async () => {
      // The clock is moved by the test: each decision is taken at its own instant.
      let now = '2026-09-30T12:00:00Z';
      const services = createAppServices({ dataDir: tempDir(), clock: () => new Date(now) });
      const signInAs = async (username: string) => {
        value(await services.dispatch('session.lock', {}));
        value(await services.dispatch('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
      };
      try {
        value(await services.dispatch('setup.createDemoPartnership', {}));
        await signInAs('demo.coach');
        const rows = REFERRALS.map(({ route }, index) => referralCsvRow(index + 1, { route, referral_date: '2026-09-20' }));
        value(await services.dispatch('referrals.import', { format: 'csv', text: referralCsv(rows) }));
        const waiting = value<{ referrals: InboxEntry[] }>(await services.dispatch('referrals.list', { status: 'waiting' })).referrals;
        for (const [index, { decide }] of REFERRALS.entries()) {
          if (decide === null) continue;
          const entry = waiting.find((referral) => referral.givenName === `Sam${index + 1}`);
          if (entry === undefined) throw new Error(`Sam${index + 1} is not in the inbox`);
          now = decide.at;
          if (decide.reason === 'accept') value(await services.dispatch('referrals.accept', { id: entry.id, version: entry.version }));
          else value(await services.dispatch('referrals.decline', { id: entry.id, version: entry.version, reason: decide.reason }));
        }

        now = '2026-12-06T10:00:00Z';
        await signInAs('demo.coordinator');
        const returnFor = async (month: string) => value<MiReturn>(await services.dispatch('exports.miReturn', { month }));
        const november = await returnFor('2026-11');
        // Ordered by route, then reason; one row per pair; the accepted and the waiting referral are not declines.
        expect(declinesOf(november)).toEqual(['employer person_declined 1', 'gp duplicate 1', 'gp not_eligible_age 2']);
        // The edges: 23:59 on 31 October is October's, 00:00 on 1 December is December's.
        expect(declinesOf(await returnFor('2026-10'))).toEqual([
          'community_service better_served_elsewhere 1',
          'jobcentre_plus not_eligible_area 1',
        ]);
        expect(declinesOf(await returnFor('2026-12'))).toEqual(['jobcentre_plus could_not_contact 1']);
        expect(declinesOf(await returnFor('2026-08'))).toEqual([]);

        // The counts come after the people, whose rows say so; `rows` counts the people's (episode) rows only.
        const all = miReturnRows(november.csv);
        const firstDecline = all.findIndex((row) => row.row_type === 'declined_referrals');
        expect(all.slice(0, firstDecline).every((row) => row.row_type === 'participant')).toBe(true);
        expect(firstDecline).toBe(november.rows);
        expect(all).toHaveLength(november.rows + 3);
        // Nothing personal: a declined row fills only the month and its own columns.
        for (const row of all.slice(firstDecline)) {
          expect(row.reporting_month).toBe('2026-11');
          for (const column of MI_RETURN_COLUMNS) if (!DECLINE_COLUMNS.has(column)) expect(row[column], column).toBe('');
        }
        // The accepted referral became a participant (a row of its own); no one's details are anywhere in the file.
        expect(all.filter((row) => row.referral_source === 'employer' && row.referral_date === '2026-09-20')).toHaveLength(1);
        for (const referral of rows)
          for (const personal of [referral.given_name, referral.nhs_number, referral.referrer_name, referral.postcode])
            expect(november.csv).not.toContain(personal);
        expect(november.csv).not.toMatch(/Importperson|1980-05-17|Anxiety|Example Foods|Work coach/);
      } finally {
        await services.close();
      }
    },
  );
});
