import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoOnServer } from '../../support/sync-partnership';

/**
 * An enrolment writes with SQLite's foreign keys put off and checks them all once at the end
 * (db/sync/foreign-keys-at-end.ts, for speed): a record whose parent the server never sent must
 * still never be accepted into the new store.
 */
describe('an enrolment checks every foreign key at the end', () => {
  it('refuses a server record that refers to a person the server does not hold, with a clear message', { timeout: 120_000 }, async () => {
    const partnership = await demoOnServer();
    // A PHQ-9 of someone the server never held (as the test cluster's superuser, past the server's own checks).
    await sql`
      WITH source AS (SELECT partnership_id, row FROM records WHERE table_name = 'measure_results' ORDER BY seq LIMIT 1),
      logged AS (
        INSERT INTO change_log (partnership_id, table_name, key, row)
        SELECT partnership_id, 'measure_results', jsonb_build_array('orphan')::text,
          jsonb_set(jsonb_set(row, '{id}', '"orphan"'), '{participant_id}', to_jsonb(${randomUUID()}::text))
        FROM source
        RETURNING partnership_id, seq, key, row)
      INSERT INTO records (partnership_id, table_name, key, row, seq) SELECT partnership_id, 'measure_results', key, row, seq FROM logged`.execute(
      partnership.db,
    );
    await expect(partnership.enrol('demo.coach')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /1 record\(s\) that refer to records it did not send \(the first: measure_results refers to participants\)/,
      ),
    });
  });
});
