import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { readKeyring, unwrapDataKey, findSlot } from '../../../db/keyring';
import { openEncryptedDatabase } from '../../../db/open-store';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { rotateDataKey, type RotationStep } from '../../../services/security/key-rotation';
import { unlockStore } from '../../../services/session/unlock-store';
import { SessionHolder } from '../../../services/session-holder';
import { runCli } from '../../../cli/main';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { queryStore } from '../../support/query-store';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

const PASS = DEMO_PARTNERSHIP.passphrase;

const participantCount = (dataDir: string) =>
  queryStore(dataDir, 'demo.admin', PASS, (sqlite) => (sqlite.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n);

describe('backup and restore', () => {
  it('round-trips: a backup restored over a changed store brings back the data as it was', async () => {
    const demo = await demoWithPerson();
    const { services, dataDir } = demo;
    // The demo's 240 synthetic people and the one registered by demoWithPerson.
    const before = await participantCount(dataDir);
    expect(before).toBe(241);
    const out = tempDir();
    const made = value<{ file: string; bytes: number }>(await services.dispatch('backup.create', { path: out }));
    expect(path.dirname(made.file)).toBe(out);
    expect(made.bytes).toBeGreaterThan(4096);
    expect(readFileSync(made.file).includes(Buffer.from('Testperson'))).toBe(false);
    expect(value(await services.dispatch('backup.status', {}))).toMatchObject({ due: false, lastBackupAt: expect.any(String) });
    // Refuses to overwrite an existing file.
    expect(await services.dispatch('backup.create', { path: made.file })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // Change the store after the backup, then restore.
    const { testReferral } = await import('../../support/test-referral');
    value(
      await services.dispatch(
        'participants.register',
        testReferral({ person: { nhsNumber: '', givenName: 'Later', familyName: 'Addition' } }),
      ),
    );
    expect(await services.dispatch('backup.restore', { path: made.file, passphrase: 'wrong passphrase here' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    // A failed restore changed nothing and kept the session.
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('unlocked');
    value(await services.dispatch('backup.restore', { path: made.file, passphrase: PASS }));
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('locked');
    await services.close();
    expect(await participantCount(dataDir)).toBe(before);
    expect(readdirSync(dataDir).some((name) => name.startsWith('replaced-'))).toBe(true);
  });

  it('refuses a tampered backup and a backup from a newer schema, changing nothing', async () => {
    const { services, dataDir } = await demoWithPerson();
    const out = tempDir();
    const made = value<{ file: string }>(await services.dispatch('backup.create', { path: path.join(out, 'b.wwbackup') }));
    const bytes = readFileSync(made.file);

    const flipped = Buffer.from(bytes);
    const at = bytes.length - 5000;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    writeFileSync(path.join(out, 'tampered.wwbackup'), flipped);
    expect(await services.dispatch('backup.restore', { path: path.join(out, 'tampered.wwbackup'), passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INVALID' },
    });

    // A newer schema: rewrite the header's migration list and re-MAC it as a newer app would.
    const { createHmac, hkdfSync } = await import('node:crypto');
    const headerLength = bytes.readUInt32BE(8);
    const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8')) as { migrations: string[]; keyring: never };
    header.migrations.push('2099-01-01-999-from-the-future');
    const newHeader = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(newHeader.length);
    const body = Buffer.concat([bytes.subarray(0, 8), length, newHeader, bytes.subarray(12 + headerLength, bytes.length - 32)]);
    const keyring = await readKeyring(storePaths(dataDir).keyring);
    if (keyring === undefined) throw new Error('no keyring');
    const dataKey = await unwrapDataKey(keyring, findSlot(keyring, 'demo.admin') ?? keyring.slots[0]!, PASS);
    const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(keyring.storeId, 'utf8'), 'workwell-mdt backup mac', 32));
    writeFileSync(path.join(out, 'future.wwbackup'), Buffer.concat([body, createHmac('sha256', macKey).update(body).digest()]));
    expect(await services.dispatch('backup.restore', { path: path.join(out, 'future.wwbackup'), passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'STORE_FROM_FUTURE' },
    });
    // Without re-MACing, the same edit is simply a tampered file.
    writeFileSync(path.join(out, 'future-unsigned.wwbackup'), Buffer.concat([body, bytes.subarray(bytes.length - 32)]));
    expect(await services.dispatch('backup.restore', { path: path.join(out, 'future-unsigned.wwbackup'), passphrase: PASS })).toMatchObject(
      { ok: false, error: { code: 'BACKUP_INVALID' } },
    );
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('unlocked');
    expect(readdirSync(dataDir).some((name) => name.startsWith('replaced-'))).toBe(false);
    await services.close();
  });

  it('offers the native file dialog only where the shell provides one (Electron)', async () => {
    const asked: string[] = [];
    const withDialog = createAppServices({
      clock: testClock(),
      dataDir: tempDir(),
      chooseBackupFile: async (purpose, suggested) => (
        asked.push(`${purpose}:${suggested}`),
        purpose === 'save' ? '/media/usb/b.wwbackup' : null
      ),
    });
    value(await withDialog.dispatch('setup.createDemoPartnership', {}));
    expect(value(await withDialog.dispatch('backup.status', {}))).toMatchObject({ canChooseFile: true });
    expect(value(await withDialog.dispatch('backup.chooseFile', { purpose: 'save' }))).toEqual({ path: '/media/usb/b.wwbackup' });
    expect(value(await withDialog.dispatch('backup.chooseFile', { purpose: 'open' }))).toEqual({ path: null });
    expect(asked[0]).toMatch(/^save:workwell-backup-.*\.wwbackup$/);
    await withDialog.close();
    const { services } = await demoWithPerson();
    expect(value(await services.dispatch('backup.status', {}))).toMatchObject({ canChooseFile: false });
    expect(await services.dispatch('backup.chooseFile', { purpose: 'save' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await services.close();
  });

  it('restores on the first-run screen of a new computer, and only there', async () => {
    const { services } = await demoWithPerson();
    const made = value<{ file: string }>(await services.dispatch('backup.create', { path: tempDir() }));
    expect(await services.dispatch('setup.restoreBackup', { path: made.file, username: 'demo.admin', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_SET_UP' },
    });
    await services.close();
    const fresh = createAppServices({ clock: testClock(), dataDir: path.join(tempDir(), 'new-computer') });
    expect(value<{ state: string }>(await fresh.dispatch('app.status', {})).state).toBe('needs-setup');
    expect(
      await fresh.dispatch('setup.restoreBackup', { path: made.file, username: 'demo.admin', passphrase: 'not the passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(value<{ state: string }>(await fresh.dispatch('app.status', {})).state).toBe('needs-setup');
    value(await fresh.dispatch('setup.restoreBackup', { path: made.file, username: 'demo.coach', passphrase: PASS }));
    expect(value<{ state: string }>(await fresh.dispatch('app.status', {})).state).toBe('locked');
    value(await fresh.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS }));
    expect(value<{ total: number }>(await fresh.dispatch('participants.count', {})).total).toBe(241);
    await fresh.close();
  });

  it('the CLI backs up and restores into an empty folder', async () => {
    const { services, dataDir } = await demoWithPerson();
    await services.close();
    const work = tempDir();
    const passFile = path.join(work, 'pass.txt');
    writeFileSync(passFile, `${PASS}\n`);
    const file = path.join(work, 'cli.wwbackup');
    const lines: string[] = [];
    expect(
      await runCli(['backup', '--store', dataDir, '--out', file, '--user', 'demo.admin', '--passphrase-file', passFile], (line) =>
        lines.push(line),
      ),
    ).toBe(0);
    const fresh = path.join(work, 'restored');
    expect(
      await runCli(['restore', '--store', fresh, '--from', file, '--user', 'demo.admin', '--passphrase-file', passFile], (line) =>
        lines.push(line),
      ),
    ).toBe(0);
    expect(await participantCount(fresh)).toBe(241);
    expect(lines.join('\n')).toMatch(/Backup written/);
  });
});

describe('data-key rotation', () => {
  it('keeps the data, every user still unlocks, and the old data key no longer opens the store', async () => {
    const { services, dataDir } = await demoWithPerson();
    const paths = storePaths(dataDir);
    const keyring = await readKeyring(paths.keyring);
    const oldKey = await unwrapDataKey(keyring!, findSlot(keyring!, 'demo.coach')!, PASS);
    const rotated = value<{ backupFile: string }>(await services.dispatch('security.rotateDataKey', { confirm: true }));
    expect(existsSync(rotated.backupFile)).toBe(true);
    expect(existsSync(paths.pendingKeyring)).toBe(false);
    // Still usable in the same session.
    value(await services.dispatch('participants.list', {}));
    await services.close();
    expect(() => openEncryptedDatabase(paths.database, oldKey, { create: false })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(await participantCount(dataDir)).toBe(241);
    const again = createAppServices({ clock: testClock(), dataDir });
    value(await again.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS }));
    value(await again.dispatch('session.lock', {}));
    value(
      await again.dispatch('session.recover', {
        recoveryKey: DEMO_PARTNERSHIP.recoveryKey,
        username: 'demo.admin',
        newPassphrase: 'a brand new admin phrase 5',
      }),
    );
    await again.close();
  });

  it.each<RotationStep>(['backed-up', 'journal-written', 'pending-keyring-written', 'copy-made', 'swapped'])(
    'a failure after "%s" is rolled back or finished: the store opens with every passphrase and nothing is left over',
    async (step) => {
      const { services, dataDir } = await demoWithPerson();
      await services.close();
      const paths = storePaths(dataDir);
      const unlocked = await unlockStore(paths, 'demo.admin', PASS);
      const session = new SessionHolder();
      session.open({ store: unlocked.store, user: unlocked.user, partnershipName: 'x', isDemo: true, dataKey: unlocked.dataKey });
      await expect(
        rotateDataKey(paths, session, testClock()(), (reached) => {
          if (reached === step) throw new Error(`failed after ${step}`);
        }),
      ).rejects.toThrow('failed after');
      await session.close();
      for (const username of ['demo.physio', 'demo.admin']) {
        const again = await unlockStore(paths, username, PASS);
        expect((again.store.sqlite.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n).toBe(241);
        again.dataKey.fill(0);
        await again.store.close();
      }
      for (const leftover of [paths.pendingKeyring, paths.rotationJournal, paths.rotatingDatabase])
        expect(existsSync(leftover)).toBe(false);
    },
  );

  it('a store the keyring no longer opens names the backup the rotation made', async () => {
    const { services, dataDir } = await demoWithPerson();
    const paths = storePaths(dataDir);
    const oldKeyring = readFileSync(paths.keyring);
    const rotated = value<{ backupFile: string }>(await services.dispatch('security.rotateDataKey', { confirm: true }));
    await services.close();
    // The keyring of before the rotation, beside the store of after: neither matches the other.
    writeFileSync(paths.keyring, oldKeyring);
    const again = createAppServices({ clock: testClock(), dataDir });
    try {
      const result = await again.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS });
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error.message).toContain(rotated.backupFile);
    } finally {
      await again.close();
    }
  });
});
