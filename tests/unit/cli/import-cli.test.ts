import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { ODS_ORGANIZATION_SYSTEM } from '../../../core/fhir/fhir-codes';
import { demoFromTemplate } from '../../support/demo-template';
import { queryStore } from '../../support/query-store';
import { referralBundle, referralBundleEntries, referralCsv, referralCsvRow } from '../../support/referral-files';
import { tempDir } from '../../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');

/** The real `workwell-mdt` in a child process. */
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/workwell-mdt.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function file(name: string, text: string): string {
  const made = path.join(tempDir(), name);
  writeFileSync(made, text, { mode: 0o600 });
  return made;
}

interface InboxRow {
  readonly source: string;
  readonly status: string;
  readonly position: number;
}

const inboxRows = (dataDir: string) =>
  queryStore(
    dataDir,
    'demo.coach',
    DEMO_PARTNERSHIP.passphrase,
    (sqlite) => sqlite.prepare('SELECT source, status, position FROM referral_inbox ORDER BY source, position').all() as InboxRow[],
  );

/** What the FHIR referral carried beyond the person's details: the GP practice and monitoring answers. */
const fhirExtras = (dataDir: string) =>
  queryStore(dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase, (sqlite) =>
    (sqlite.prepare("SELECT details_json FROM referral_inbox WHERE source = 'fhir'").all() as Array<{ details_json: string }>).map(
      (row) => {
        const details = JSON.parse(row.details_json) as { gpPractice: unknown; monitoring: unknown };
        return { gpPractice: details.gpPractice, monitoring: details.monitoring };
      },
    ),
  );

const auditOutcomes = (dataDir: string) =>
  queryStore(dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase, (sqlite) =>
    sqlite.prepare("SELECT username, action, outcome, subject_json FROM audit_log WHERE channel = 'referrals.import' ORDER BY seq").all(),
  );

describe('workwell-mdt import (issue 20, item 1)', () => {
  it(
    'exit 0 when every referral is imported, 3 when some are refused (each listed), 1 on error; only triage roles; audited',
    { timeout: 240_000 },
    async () => {
      const { dataDir, services } = await demoFromTemplate();
      await services.close();
      const pass = file('pass.txt', `${DEMO_PARTNERSHIP.passphrase}\n`);
      const as = (user: string, ...args: string[]) => cli('import', '--store', dataDir, '--user', user, ...args, '--passphrase-file', pass);

      const good = as('demo.coach', '--csv', file('good.csv', referralCsv([referralCsvRow(1), referralCsvRow(2)])));
      expect(good).toMatchObject({ status: 0, output: expect.stringContaining('Imported 2 referrals into the inbox; 0 refused.') });

      const mixed = as(
        'demo.coordinator',
        '--fhir',
        file(
          'mixed.json',
          referralBundle([
            ...referralBundleEntries(
              1,
              {},
              {
                gender: 'female',
                generalPractitioner: [
                  { identifier: { system: ODS_ORGANIZATION_SYSTEM, value: 'C84001' }, display: 'Example Lane Surgery' },
                ],
              },
            ),
            ...referralBundleEntries(2, { subject: { reference: 'Patient/none' } }),
          ]),
        ),
      );
      expect(mixed.status).toBe(3);
      expect(mixed.output).toContain('Imported 1 referral into the inbox; 1 refused.');
      expect(mixed.output).toContain('entry 3: its subject Patient/none is not a Patient in this bundle');

      const someRows = as(
        'demo.coach',
        '--csv',
        file('rows.csv', referralCsv([referralCsvRow(3, { nhs_number: '9990000019' }), referralCsvRow(4)])),
      );
      expect(someRows.status).toBe(3);
      expect(someRows.output).toContain('row 2: person.nhsNumber: Enter a valid 10-digit NHS number');

      const badHeader = as('demo.coach', '--csv', file('header.csv', 'given_name,family_name\r\nA,B\r\n'));
      expect(badHeader.status).toBe(1);
      expect(badHeader.output).toContain('The CSV header is not the referral column list');
      expect(as('demo.coach', '--csv', path.join(tempDir(), 'missing.csv')).status).toBe(1);
      expect(as('demo.coach').status).toBe(1);
      const admin = as('demo.admin', '--csv', file('admin.csv', referralCsv([referralCsvRow(5)])));
      expect(admin.status).toBe(1);

      expect(await inboxRows(dataDir)).toEqual([
        { source: 'csv', status: 'waiting', position: 2 },
        { source: 'csv', status: 'waiting', position: 3 },
        { source: 'csv', status: 'waiting', position: 3 },
        { source: 'fhir', status: 'waiting', position: 1 },
      ]);
      expect(await fhirExtras(dataDir)).toEqual([
        {
          gpPractice: { odsCode: 'C84001', name: 'Example Lane Surgery' },
          monitoring: { sex: 'female', ethnicity: null, disability: null, benefitStatus: null },
        },
      ]);
      expect(await auditOutcomes(dataDir)).toEqual([
        { username: 'demo.coach', action: 'create', outcome: 'ok', subject_json: '{"via":"cli"}' },
        { username: 'demo.coordinator', action: 'create', outcome: 'ok', subject_json: '{"via":"cli"}' },
        { username: 'demo.coach', action: 'create', outcome: 'ok', subject_json: '{"via":"cli"}' },
        { username: 'demo.coach', action: 'create', outcome: 'VALIDATION', subject_json: '{"via":"cli"}' },
        { username: 'demo.admin', action: 'denied', outcome: 'FORBIDDEN', subject_json: '{"via":"cli"}' },
      ]);
    },
  );

  it('is listed in help', () => {
    const help = cli('help');
    expect(help.status).toBe(0);
    expect(help.output).toContain('workwell-mdt import --store DIR --user USERNAME (--fhir FILE | --csv FILE)');
  });
});
