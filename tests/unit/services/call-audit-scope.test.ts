import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { NewAuditEntry } from '../../../db/repositories/audit-repository';
import type { Store } from '../../../db/store';
import { storePaths } from '../../../db/store-paths';
import { auditedTransaction, PendingAuditEntry, runWithPendingAudit } from '../../../services/call-audit-scope';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';

const ENTRY: NewAuditEntry = {
  at: '2026-11-30T10:00:00.000Z',
  userId: null,
  username: 'demo.coach',
  action: 'edit',
  channel: 'participants.get',
  participantId: null,
  subjectJson: '{}',
  outcome: 'ok',
};

async function withDemoStore(use: (store: Store, personId: string) => Promise<void>): Promise<void> {
  const demo = await demoWithPerson();
  await demo.services.close();
  const { store } = await unlockStore(storePaths(demo.dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
  try {
    await use(store, demo.id);
  } finally {
    await store.close();
  }
}

const auditCount = (store: Store) => store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const updatedAt = (store: Store, id: string) =>
  store.sqlite.prepare('SELECT updated_at FROM participants WHERE id = ?').pluck().get(id) as string;
const touch = (store: Store, id: string, at: string) =>
  auditedTransaction(store, (trx) => trx.updateTable('participants').set({ updated_at: at }).where('id', '=', id).execute());

describe('the audit entry written in the call’s own transaction', () => {
  it('records a call that changes records once, with the new record’s id and the person, through dispatch; and setting up, before anyone is signed in', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    const { id } = value<{ id: string }>(
      await demo.services.dispatch('assessments.saveJoinedUp', { participantId: demo.id, ...JOINED_UP }),
    );
    await demo.services.close();
    const { store } = await unlockStore(storePaths(demo.dataDir), 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const entries = store.sqlite
        .prepare("SELECT username, action, participant_id, subject_json FROM audit_log WHERE channel = 'assessments.saveJoinedUp'")
        .all();
      expect(entries).toEqual([
        {
          username: 'demo.coach',
          action: 'sign',
          participant_id: demo.id,
          subject_json: JSON.stringify({ participantId: demo.id, created: { id } }),
        },
      ]);
      // Setting up runs transactions before anyone is signed in; dispatch still records it afterwards.
      expect(store.sqlite.prepare("SELECT action FROM audit_log WHERE channel = 'setup.createDemoPartnership'").pluck().all()).toEqual([
        'configure',
      ]);
    } finally {
      await store.close();
    }
  });

  it('commits the change and its entry together, once per call however many transactions it runs', async () => {
    await withDemoStore(async (store, personId) => {
      const before = auditCount(store);
      const pending = new PendingAuditEntry(() => ENTRY);
      await runWithPendingAudit(pending, async () => {
        await touch(store, personId, '2026-11-30T10:00:00.000Z');
        await touch(store, personId, '2026-11-30T10:00:01.000Z');
      });
      expect(pending.committed).toBe(true);
      expect(auditCount(store)).toBe(before + 1);
      expect(updatedAt(store, personId)).toBe('2026-11-30T10:00:01.000Z');
    });
  });

  it('lands neither when the entry cannot be written: a change is never without its record', async () => {
    await withDemoStore(async (store, personId) => {
      const before = { audit: auditCount(store), updatedAt: updatedAt(store, personId) };
      store.sqlite.exec("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
      const pending = new PendingAuditEntry(() => ENTRY);
      await expect(runWithPendingAudit(pending, () => touch(store, personId, '2026-11-30T11:00:00.000Z'))).rejects.toThrow('audit refused');
      expect(pending.committed).toBe(false);
      expect({ audit: auditCount(store), updatedAt: updatedAt(store, personId) }).toEqual(before);
    });
  });

  it('rolls the entry back with a failed transaction and writes it with the next one', async () => {
    await withDemoStore(async (store, personId) => {
      const before = auditCount(store);
      const pending = new PendingAuditEntry(() => ENTRY);
      await runWithPendingAudit(pending, async () => {
        const failing = auditedTransaction(store, async (trx) => {
          await trx.updateTable('participants').set({ updated_at: 'never' }).where('id', '=', personId).execute();
          throw new Error('conflict');
        });
        await expect(failing).rejects.toThrow('conflict');
        expect(pending.committed).toBe(false);
        expect(auditCount(store)).toBe(before);
        await touch(store, personId, '2026-11-30T12:00:00.000Z');
      });
      expect(pending.committed).toBe(true);
      expect(auditCount(store)).toBe(before + 1);
    });
  });

  it('writes nothing outside a call, and leaves calls without a transaction to dispatch', async () => {
    await withDemoStore(async (store, personId) => {
      const before = auditCount(store);
      await touch(store, personId, '2026-11-30T13:00:00.000Z');
      expect(auditCount(store)).toBe(before);
      const pending = new PendingAuditEntry(() => ENTRY);
      await runWithPendingAudit(pending, async () => store.db.selectFrom('participants').select('id').execute());
      expect(pending.committed).toBe(false);
    });
  });
});
