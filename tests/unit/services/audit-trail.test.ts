import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { AuditEntry, AuditVerification } from '../../../core/schemas/audit';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/temp-dir';

const CANARY = 'CANARY-clinical-text-7f3a';

async function auditFor(demo: Awaited<ReturnType<typeof demoWithPerson>>, filter: Record<string, unknown> = {}): Promise<AuditEntry[]> {
  await demo.signInAs('demo.admin');
  return value<{ entries: AuditEntry[] }>(await demo.services.dispatch('audit.search', { ...filter, limit: 200 })).entries;
}

describe('audit trail', () => {
  it('records views, edits, sign-ins, failed sign-ins, refusals and locks, by person, with no clinical text', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    value(await demo.services.dispatch('participants.get', { id: demo.id }));
    value(await demo.services.dispatch('assessments.saveJoinedUp', { participantId: demo.id, ...JOINED_UP, whatMatters: CANARY }));
    expect(await demo.services.dispatch('riskFlags.acknowledge', { flagId: 'nope', action: 'other', note: CANARY })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    value(await demo.services.dispatch('session.lock', {}));
    expect(
      await demo.services.dispatch('session.unlock', { username: 'demo.physio', passphrase: 'not the passphrase at all' }),
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    value(await demo.services.dispatch('session.unlock', { username: 'demo.physio', passphrase: DEMO_PARTNERSHIP.passphrase }));

    const forPerson = await auditFor(demo, { participantId: demo.id });
    expect(forPerson.map((entry) => [entry.username, entry.action, entry.channel])).toEqual(
      expect.arrayContaining([
        ['demo.coach', 'view', 'participants.get'],
        ['demo.coach', 'sign', 'assessments.saveJoinedUp'],
        ['demo.admin', 'create', 'participants.register'],
      ]),
    );
    expect(forPerson.every((entry) => entry.participantReference?.startsWith('WW-'))).toBe(true);
    const all = await auditFor(demo);
    const actions = all.map((entry) => `${entry.username}:${entry.action}`);
    expect(actions).toEqual(
      expect.arrayContaining(['demo.coach:denied', 'demo.coach:lock', 'demo.physio:sign_in_failed', 'demo.physio:sign_in']),
    );
    // Newest first, consecutive sequence numbers.
    expect(all.map((entry) => entry.seq)).toEqual([...all.map((entry) => entry.seq)].sort((a, b) => b - a));

    await demo.services.close();
    const { store } = await unlockStore(storePaths(demo.dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const everything = JSON.stringify(store.sqlite.prepare('SELECT * FROM audit_log').all());
      expect(everything).not.toContain(CANARY);
      expect(everything).not.toContain(JOINED_UP.goals);
    } finally {
      await store.close();
    }
  });

  it('only administrators read the trail', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coordinator');
    expect(await demo.services.dispatch('audit.search', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await demo.services.close();
  });

  it('verification finds altered, removed and reordered entries, in the app and from the CLI', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    for (let index = 0; index < 3; index += 1) value(await demo.services.dispatch('participants.get', { id: demo.id }));
    await demo.signInAs('demo.admin');
    expect(value<AuditVerification>(await demo.services.dispatch('audit.verify', {}))).toMatchObject({ intact: true, firstBreak: null });
    await demo.services.close();

    const passphraseFile = join(tempDir(), 'pass.txt');
    writeFileSync(passphraseFile, `${DEMO_PARTNERSHIP.passphrase}\n`);
    const lines: string[] = [];
    const cli = (user: string) =>
      runCli(['audit', 'verify', '--store', demo.dataDir, '--user', user, '--passphrase-file', passphraseFile], (line) => lines.push(line));
    expect(await cli('demo.admin')).toBe(0);
    expect(lines.at(-1)).toMatch(/^Audit trail intact: \d+ entries/);

    const tamper = async (sql: string) => {
      const { store } = await unlockStore(storePaths(demo.dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
      try {
        // Someone with the key and a SQLite shell: the triggers refuse, so they drop them first.
        expect(() => store.sqlite.prepare("UPDATE audit_log SET username = 'someone.else' WHERE seq = 2").run()).toThrow(/WORKWELL_LOCKED/);
        store.sqlite.exec('DROP TRIGGER IF EXISTS audit_log_append_only; DROP TRIGGER IF EXISTS audit_log_never_deleted;');
        store.sqlite.exec(sql);
      } finally {
        await store.close();
      }
    };
    await tamper("UPDATE audit_log SET username = 'someone.else' WHERE seq = 3");
    expect(await cli('demo.admin')).toBe(2);
    expect(lines.at(-1)).toContain('BROKEN at entry 3');
    expect(lines.at(-1)).toContain('altered');
  });

  it('a removed entry breaks the chain', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    value(await demo.services.dispatch('participants.get', { id: demo.id }));
    await demo.services.close();
    const { store, keyring, signedRole } = await unlockStore(storePaths(demo.dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      store.sqlite.exec('DROP TRIGGER audit_log_never_deleted; DELETE FROM audit_log WHERE seq = 2;');
      const { verifyAudit } = await import('../../../services/audit/audit-service');
      expect(verifyAudit(store, keyring, signedRole.anchor)).toMatchObject({
        intact: false,
        firstBreak: { seq: 3, problem: 'out_of_sequence' },
        findings: [{ kind: 'removed', fromSeq: 2, toSeq: 2 }],
      });
    } finally {
      await store.close();
    }
  });
});

describe('audit trail order', () => {
  it('reordered entries break the chain', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    value(await demo.services.dispatch('participants.get', { id: demo.id }));
    await demo.services.close();
    const { store, keyring, signedRole } = await unlockStore(storePaths(demo.dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      store.sqlite.exec(
        'DROP TRIGGER audit_log_append_only; UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1;',
      );
      const { verifyAudit } = await import('../../../services/audit/audit-service');
      expect(verifyAudit(store, keyring, signedRole.anchor)).toMatchObject({
        intact: false,
        firstBreak: { seq: 2, problem: 'broken_link' },
      });
    } finally {
      await store.close();
    }
  });
});
