import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../../core/schemas/session';
import { newDataKey } from '../../../db/keyring';
import { openStore } from '../../../db/store';
import { listExportLog, recordExport, sha256Hex } from '../../../services/exports/export-log';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';

const COORDINATOR: SignedInUser = { userId: 'user-1', username: 'coordinator', displayName: 'Test Coordinator', role: 'coordinator' };
const AT = new Date('2026-11-20T10:00:00Z');

async function emptyStore() {
  return openStore(path.join(tempDir(), 'store.db'), newDataKey(), { create: true });
}

describe('export log', () => {
  it('records who exported what, for whom, to where and when, with the SHA-256 of exactly the bytes that left', async () => {
    const store = await emptyStore();
    try {
      const bytes = new TextEncoder().encode('%PDF-1.7 a plan');
      recordExport(
        store,
        {
          user: COORDINATOR,
          kind: 'plan_pdf',
          destination: 'action-plan-WW-000001.pdf',
          content: bytes,
          outcome: 'delivered',
          subjects: [{ participantId: 'p-1', outcome: 'included' }],
        },
        AT,
      );
      recordExport(
        store,
        {
          user: COORDINATOR,
          kind: 'fhir_bundle',
          destination: 'https://fhir.example.test/r4',
          content: { sha256: sha256Hex('{"resourceType":"Bundle"}'), bytes: 25 },
          outcome: 'delivered',
          subjects: [
            { participantId: 'p-1', outcome: 'included' },
            { participantId: 'p-2', outcome: 'skipped', reason: 'No consent to share with the partnership' },
            { participantId: 'p-3', outcome: 'failed', reason: 'HTTP 503' },
          ],
        },
        AT,
      );
      const page = await listExportLog(store, { limit: 50 });
      expect(page.entries.map((entry) => entry.kind)).toEqual(['fhir_bundle', 'plan_pdf']);
      expect(page.entries[1]).toMatchObject({
        username: 'coordinator',
        destination: 'action-plan-WW-000001.pdf',
        sha256: sha256Hex(bytes),
        bytes: bytes.byteLength,
        outcome: 'delivered',
        included: 1,
        skipped: 0,
        failed: 0,
        at: AT.toISOString(),
      });
      expect(page.entries[0]).toMatchObject({ included: 1, skipped: 1, failed: 1, bytes: 25 });
      expect(sha256Hex(bytes)).toMatch(/^[0-9a-f]{64}$/);

      const forPerson = await listExportLog(store, { participantId: 'p-2', limit: 50 });
      expect(forPerson.entries.map((entry) => entry.kind)).toEqual(['fhir_bundle']);
      const byKind = await listExportLog(store, { kind: 'plan_pdf', limit: 50 });
      expect(byKind.entries).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('pages newest first', async () => {
    const store = await emptyStore();
    try {
      for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) {
        recordExport(
          store,
          { user: COORDINATOR, kind: 'minutes_pdf', destination: name, content: name, outcome: 'delivered', subjects: [] },
          AT,
        );
      }
      const first = await listExportLog(store, { limit: 2 });
      expect(first.entries.map((entry) => entry.destination)).toEqual(['c.pdf', 'b.pdf']);
      expect(first.nextBeforeSeq).not.toBeNull();
      const second = await listExportLog(store, { limit: 2, beforeSeq: first.nextBeforeSeq ?? undefined });
      expect(second.entries.map((entry) => entry.destination)).toEqual(['a.pdf']);
      expect(second.nextBeforeSeq).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('is append-only: the store refuses to change or delete an entry', async () => {
    const store = await emptyStore();
    try {
      recordExport(
        store,
        {
          user: COORDINATOR,
          kind: 'mi_return',
          destination: 'mi-2026-10.csv',
          content: 'a,b\n',
          outcome: 'delivered',
          subjects: [{ participantId: 'p-1', outcome: 'included' }],
        },
        AT,
      );
      expect(() => store.sqlite.prepare("UPDATE export_log SET destination = 'elsewhere'").run()).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare('DELETE FROM export_log').run()).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare('DELETE FROM export_log_subjects').run()).toThrow(/WORKWELL_LOCKED/);
      expect(() => store.sqlite.prepare("UPDATE export_log_subjects SET outcome = 'skipped'").run()).toThrow(/WORKWELL_LOCKED/);
      expect((await listExportLog(store, { limit: 5 })).entries[0]?.destination).toBe('mi-2026-10.csv');
    } finally {
      await store.close();
    }
  });

  it('is read by administrators and coordinators only, through the contract', async () => {
    const { services, signInAs } = await demoWithPerson();
    expect(value<{ entries: unknown[] }>(await services.dispatch('exports.log', {})).entries).toEqual([]);
    await signInAs('demo.coach');
    const refused = await services.dispatch('exports.log', {});
    expect(refused.ok ? 'allowed' : refused.error.code).toBe('FORBIDDEN');
    await signInAs('demo.coordinator');
    expect((await services.dispatch('exports.log', {})).ok).toBe(true);
    await services.close();
  });
});
