import { describe, expect, it } from 'vitest';
import { reportAuditVerification } from '../../../cli/audit-verify-report';
import { auditSignatureMessage } from '../../../core/audit-entry-canonical';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { AUDIT_GENESIS_HASH, auditEntryHash } from '../../../db/audit-chain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findSlot, readKeyring, unwrapUserPrivateKey, type Keyring } from '../../../db/keyring';
import { contentOf, type AuditRow } from '../../../db/repositories/audit-repository';
import { signMessage, signingKeyFromSlotSecret } from '../../../db/signing-key';
import { storePaths } from '../../../db/store-paths';
import type { AppStatus } from '../../../core/schemas/session';
import { createAppServices } from '../../../services/app-services';
import { verifyStoreAudit } from '../../../services/audit/audit-commands';
import { testClock } from '../../support/test-clock';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { asKeyHolder } from '../../support/key-holder';
import { tempDir } from '../../support/temp-dir';

const PASSPHRASE = DEMO_PARTNERSHIP.passphrase;
type RawStore = Parameters<Parameters<Awaited<ReturnType<typeof asKeyHolder>>['edit']>[0]>[0];

/** A demo trail with entries by the coach and the administrator, closed (its head kept in the keyring). */
async function trailByTwoUsers() {
  const demo = await demoWithPerson();
  await demo.signInAs('demo.coach');
  for (let i = 0; i < 3; i += 1) value(await demo.services.dispatch('participants.get', { id: demo.id }));
  await demo.signInAs('demo.admin');
  for (let i = 0; i < 3; i += 1) value(await demo.services.dispatch('participants.get', { id: demo.id }));
  await demo.services.close();
  const paths = storePaths(demo.dataDir);
  const keyring = (await readKeyring(paths.keyring))!;
  const coachSlot = findSlot(keyring, 'demo.coach')!;
  // The attacker: the coach, with the data key and their own signing key (their passphrase opens both).
  const coachKey = signingKeyFromSlotSecret(await unwrapUserPrivateKey(keyring, coachSlot, PASSPHRASE));
  const coach = await asKeyHolder(demo.dataDir, 'demo.coach', PASSPHRASE);
  const verify = () => verifyStoreAudit({ dataDir: demo.dataDir, username: 'demo.admin', passphrase: PASSPHRASE, now: testClock() });
  return { coach, coachUserId: coachSlot.userId, coachKey, verify, head: keyring.auditHead!, dataDir: demo.dataDir };
}

function rows(database: RawStore): AuditRow[] {
  return database.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
}

/**
 * What a key holder does to hide a change: triggers dropped, the rows rewritten with consecutive
 * numbers and a recomputed SHA-256 chain, their own entries re-signed with their own key (the
 * others' signatures they cannot make).
 */
function rewriteChain(database: RawStore, kept: AuditRow[], coach: { userId: string; key: ReturnType<typeof signingKeyFromSlotSecret> }) {
  database.exec('DROP TRIGGER audit_log_append_only; DROP TRIGGER audit_log_never_deleted;');
  database.exec('DELETE FROM audit_log');
  let previousHash = AUDIT_GENESIS_HASH;
  const insert = database.prepare(
    `INSERT INTO audit_log (seq, at, user_id, username, action, channel, participant_id, subject_json, outcome, prev_hash, hash, signer_user_id, signature)
     VALUES (@seq, @at, @user_id, @username, @action, @channel, @participant_id, @subject_json, @outcome, @prev_hash, @hash, @signer_user_id, @signature)`,
  );
  kept.forEach((row, index) => {
    const seq = index + 1;
    const hash = auditEntryHash(previousHash, { ...contentOf(row), seq });
    const own = row.signer_user_id === coach.userId;
    const signature = own ? signMessage(coach.key, auditSignatureMessage(coach.userId, seq, hash)).toString('base64') : row.signature;
    insert.run({ ...row, seq, prev_hash: previousHash, hash, signature });
    previousHash = hash;
  });
}

describe('a key holder rewriting the audit trail (issue 18, item 2)', () => {
  it('a middle entry deleted and the chain recomputed: the hash chain looks intact, the signatures and the head do not', async () => {
    const { coach, coachUserId, coachKey, verify, head } = await trailByTwoUsers();
    const all = coach.edit(rows);
    const victim = all.find((row) => row.signer_user_id !== coachUserId && row.seq > 2 && row.seq < all.length - 2)!;
    coach.edit((database) =>
      rewriteChain(
        database,
        all.filter((row) => row.seq !== victim.seq),
        { userId: coachUserId, key: coachKey },
      ),
    );

    const result = await verify();
    expect(result.firstBreak).toBeNull(); // what verify said before signatures: "intact"
    expect(result.intact).toBe(false);
    expect(result.findings[0]).toMatchObject({ kind: 'bad_signature', fromSeq: victim.seq });
    expect(result.findings).toContainEqual(expect.objectContaining({ kind: 'cut', fromSeq: head.seq, toSeq: head.seq }));
    const lines: string[] = [];
    expect(reportAuditVerification(result, (line) => lines.push(line))).toBe(2);
    // Named by number: the re-signed entries of the forger's own verify, everyone else's do not.
    expect(lines[0]).toMatch(new RegExp(`^Entr(y|ies) ${victim.seq}\\b.*BADLY SIGNED`));
    expect(lines.at(-2)).toContain(`Entry ${head.seq} CUT from the end`);
  });

  it("another user's entry changed and the chain recomputed is named by its number", async () => {
    const { coach, coachUserId, coachKey, verify } = await trailByTwoUsers();
    const all = coach.edit(rows);
    const victim = all.filter((row) => row.signer_user_id !== coachUserId && row.action === 'view').at(-1)!;
    const changed = all.map((row) => (row.seq === victim.seq ? { ...row, outcome: 'FORBIDDEN', action: 'denied' } : row));
    coach.edit((database) => rewriteChain(database, changed, { userId: coachUserId, key: coachKey }));

    const result = await verify();
    expect(result.firstBreak).toBeNull();
    expect(result.findings[0]).toMatchObject({ kind: 'bad_signature', fromSeq: victim.seq });
  });

  it('entries cut from the end are reported from the head kept outside the store', async () => {
    const { coach, verify, head, dataDir } = await trailByTwoUsers();
    coach.edit((database) => database.exec(`DROP TRIGGER audit_log_never_deleted; DELETE FROM audit_log WHERE seq > ${head.seq - 2};`));

    const result = await verify();
    expect(result.firstBreak).toBeNull(); // the chain alone: nothing after the cut to break
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'cut', fromSeq: head.seq - 1, toSeq: head.seq })]);
    // Verifying (and closing) does not move the head back over the cut: it is still reported next time
    // (verify is audited as a view, as in the app, so its own entry has taken the next number since).
    expect((await verify()).findings).toEqual([expect.objectContaining({ kind: 'cut', toSeq: head.seq })]);
    // The next administrator unlock says so at once.
    const services = createAppServices({ dataDir, clock: testClock() });
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    const status = value<AppStatus>(await services.dispatch('app.status', {}));
    expect(status.state === 'unlocked' && status.securityWarning).toContain(`no longer holds entry ${head.seq}`);
    await services.close();

    // The trail grew again over the cut (the sign-in, the lock): the entry recorded as the end now differs.
    expect((await verify()).findings).toEqual([expect.objectContaining({ kind: 'changed', fromSeq: head.seq, toSeq: head.seq })]);
  });

  it('a signature stripped, or an entry signed in another user’s name with the forger’s key, is named', async () => {
    const { coach, coachUserId, coachKey, verify } = await trailByTwoUsers();
    const all = coach.edit(rows);
    const [stripped, forged] = all.filter((row) => row.signer_user_id !== null && row.signer_user_id !== coachUserId).slice(-2);
    coach.edit((database) => {
      database.exec('DROP TRIGGER audit_log_append_only;');
      database.prepare('UPDATE audit_log SET signature = NULL, signer_user_id = NULL WHERE seq = ?').run(stripped!.seq);
      const signature = signMessage(coachKey, auditSignatureMessage(forged!.signer_user_id!, forged!.seq, forged!.hash)).toString('base64');
      database.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(signature, forged!.seq);
    });

    const result = await verify();
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'unsigned', fromSeq: stripped!.seq, toSeq: stripped!.seq }),
      expect.objectContaining({ kind: 'bad_signature', fromSeq: forged!.seq, toSeq: forged!.seq }),
    ]);
  });

  it("every backup's header carries the trail's head, so a restored store brings its own witness", async () => {
    const { dataDir } = await trailByTwoUsers();
    const services = createAppServices({ dataDir, clock: testClock() });
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASSPHRASE }));
    const file = path.join(tempDir(), 'trail.wwbackup');
    value(await services.dispatch('backup.create', { path: file }));
    const last = (await asKeyHolder(dataDir, 'demo.admin', PASSPHRASE)).edit(rows).at(-1)!;
    await services.close();
    // "WWMDTBAK" | header length (u32 BE) | header JSON | ...
    const bytes = readFileSync(file);
    const header = JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32BE(8)).toString('utf8')) as { keyring: Keyring };
    // The backup's own entry follows the snapshot: the head is the entry before it at the latest.
    expect(header.keyring.auditHead?.seq).toBeGreaterThanOrEqual(last.seq - 1);
    expect(header.keyring.auditHead?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an untouched trail verifies intact, every entry signed', async () => {
    const { verify } = await trailByTwoUsers();
    expect(await verify()).toMatchObject({ intact: true, firstBreak: null, findings: [] });
  });
});
