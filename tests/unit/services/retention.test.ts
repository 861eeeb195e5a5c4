import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { RetentionItem } from '../../../core/schemas/retention';
import { demoWithPerson, JOINED_UP, value } from '../../support/demo-with-person';
import { storePaths } from '../../../db/store-paths';
import { gpFitNote } from '../../support/fit-note-input';
import { storeReader } from '../../support/store-reader';
import { TEST_NOW, TEST_TODAY } from '../../support/test-clock';

type Due = { items: RetentionItem[] };

/**
 * A demo person with a full record: consent, the coach's signed joined-up assessment, a signed
 * physiotherapy assessment, outcome measures with a risk flag, an agreed plan with progress and
 * reviews, and an exit on 2026-11-22. The clock can be moved: dates typed in inputs stay in the
 * past of the clock at each step, as the zod "not in the future" rules need.
 */
async function personWhoExited() {
  let clock = new Date('2026-11-20T10:00:00Z');
  const demo = await demoWithPerson({ clock: () => clock });
  const { services, id } = demo;
  value(
    await services.dispatch('consents.record', {
      participantId: id,
      purpose: 'service',
      decision: 'given',
      date: '2026-11-03',
      method: 'verbal',
    }),
  );
  await demo.signInAs('demo.coach');
  value(await services.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
  value(
    await services.dispatch('measures.record', {
      participantId: id,
      discipline: 'employment_support',
      takenOn: '2026-11-05',
      response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 0, 0, 1] },
    }),
  );
  await demo.signInAs('demo.physio');
  const draft = value<{ id: string }>(
    await services.dispatch('assessments.saveDisciplineDraft', {
      participantId: id,
      assessedOn: '2026-11-10',
      findings: 'Flexion limited.',
      workImpact: 'Cannot lift.',
      recommendations: 'Physiotherapy.',
    }),
  );
  value(await services.dispatch('assessments.sign', { id: draft.id, version: 1 }));
  // A fit note and its correction (which names the first): both go with the record.
  const note = { ...gpFitNote(id), issuedOn: '2026-11-02', periodFrom: '2026-11-02', periodTo: '2026-11-30' };
  const first = value<{ id: string }>(await services.dispatch('fitNotes.record', note));
  value(
    await services.dispatch('fitNotes.record', {
      ...note,
      periodTo: '2026-11-20',
      replacesId: first.id,
      correctionReason: 'Wrong end date.',
    }),
  );
  await demo.signInAs('demo.mh');
  const record = value<{ openRiskFlags: Array<{ id: string }> }>(await services.dispatch('participants.get', { id }));
  for (const flag of record.openRiskFlags)
    value(await services.dispatch('riskFlags.acknowledge', { flagId: flag.id, action: 'other', note: 'Called the person; safe.' }));

  await demo.signInAs('demo.coordinator');
  const config = value<PartnershipConfig>(await services.dispatch('config.get', {}));
  const member = (username: string) =>
    config.teamMembers.find((m) => m.userId === config.accounts.find((a) => a.username === username)?.id)?.id ?? '';
  const plan = value<{ planId: string }>(
    await services.dispatch('plans.saveDraft', {
      participantId: id,
      goals: [{ id: 'g1', text: 'Back to full shifts' }],
      actions: [
        {
          id: 'a1',
          goalId: 'g1',
          kind: 'intervention',
          discipline: 'physiotherapy',
          description: 'Six sessions',
          ownerId: member('demo.physio'),
          dueOn: '2027-01-15',
          serviceId: null,
        },
      ],
      reviewOn: '2026-11-25',
    }),
  );
  value(
    await services.dispatch('plans.agreeByMdt', {
      planId: plan.planId,
      revision: 1,
      attendeeIds: [member('demo.coordinator'), member('demo.physio')],
      checkedById: member('demo.physio'),
    }),
  );
  // The story moves on a day at a time: the person agrees the next day, the review the day after.
  clock = new Date('2026-11-21T10:00:00Z');
  value(await services.dispatch('plans.agreeWithPerson', { planId: plan.planId, agreedOn: '2026-11-21', method: 'in_person' }));
  value(await services.dispatch('plans.activate', { planId: plan.planId }));
  value(await services.dispatch('plans.updateActionStatus', { planId: plan.planId, actionId: 'a1', status: 'done', note: 'Completed' }));
  clock = new Date('2026-11-22T10:00:00Z');
  value(
    await services.dispatch('plans.review', {
      planId: plan.planId,
      reviewedOn: '2026-11-22',
      outcome: 'exit',
      note: 'Back at work',
      exitReason: 'support_completed',
      employmentOutcome: 'stayed_in_work',
    }),
  );
  await demo.signInAs(DEMO_PARTNERSHIP.adminUsername);
  const reader = await storeReader(demo.dataDir, DEMO_PARTNERSHIP.adminUsername, DEMO_PARTNERSHIP.passphrase);
  return {
    ...demo,
    reader,
    setClock: (iso: string) => {
      clock = new Date(iso);
    },
  };
}

/** Every row, in every table but the audit trail, that mentions `id` in any column. */
function rowsMentioning(reader: Awaited<ReturnType<typeof storeReader>>, id: string): string[] {
  return reader.read((database) => {
    const tables = (database.pragma('table_list') as Array<{ name: string; type: string; schema: string }>).filter(
      (table) => table.schema === 'main' && table.type === 'table' && !table.name.startsWith('sqlite_') && table.name !== 'audit_log',
    );
    return tables.flatMap(({ name }) => {
      const columns = (database.pragma(`table_info("${name}")`) as Array<{ name: string }>).map((column) => column.name);
      const where = columns.map((column) => `instr(CAST("${column}" AS TEXT), ?) > 0`).join(' OR ');
      const count = (database.prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${where}`).get(...columns.map(() => id)) as { n: number })
        .n;
      return count > 0 ? [`${name}: ${count}`] : [];
    });
  });
}

function withoutAudit(counts: Record<string, number>): Record<string, number> {
  const { audit_log: _audit, ...rest } = counts;
  return rest;
}

/**
 * A demo person who never leaves the service, registered on the test clock, whose last contact is a
 * measure taken today (6 December 2026) by `username` for `discipline`.
 */
async function personWhoStays(username: string, discipline: string) {
  let clock = new Date(TEST_NOW);
  const demo = await demoWithPerson({ clock: () => clock });
  await demo.signInAs(username);
  value(
    await demo.services.dispatch('measures.record', {
      participantId: demo.id,
      discipline,
      takenOn: TEST_TODAY,
      response: { measure: 'gad7', answers: [1, 1, 1, 1, 0, 0, 1] },
    }),
  );
  await demo.signInAs(DEMO_PARTNERSHIP.adminUsername);
  const dueItem = async (iso: string) => {
    clock = new Date(iso);
    return value<Due>(await demo.services.dispatch('retention.due', {})).items.find((item) => item.participantId === demo.id);
  };
  return { ...demo, dueItem };
}

describe('retention review', () => {
  it('a person who never exits becomes due 8 years after the last contact', async () => {
    expect(TEST_TODAY).toBe('2026-12-06');
    const { dueItem } = await personWhoStays('demo.coach', 'employment_support');
    expect(await dueItem('2034-12-05T12:00:00Z')).toBeUndefined();
    expect(await dueItem('2034-12-06T12:00:00Z')).toMatchObject({
      exitedOn: null,
      lastContactOn: '2026-12-06',
      recordKind: 'adult_health',
      rule: 'Adult health record: 8 years after last contact on 6 December 2026',
      reviewDueOn: '2034-12-06',
    });
  });

  it('a mental health record is not due at 8 years but at 20, and cannot be deleted before', async () => {
    const { services, id, dueItem } = await personWhoStays('demo.mh', 'mental_health');
    expect(await dueItem('2034-12-06T12:00:00Z')).toBeUndefined();
    const reference = value<{ reference: string }>(await services.dispatch('participants.get', { id })).reference;
    expect(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('6 December 2046') },
    });
    expect(await dueItem('2046-12-05T12:00:00Z')).toBeUndefined();
    expect(await dueItem('2046-12-06T12:00:00Z')).toMatchObject({
      recordKind: 'mental_health',
      rule: 'Mental health record: 20 years after last contact on 6 December 2026',
      reviewDueOn: '2046-12-06',
    });
  });

  it('lists a record from 8 years after exit, and deletes every row of it while the audit trail stays', async () => {
    const { services, id, reader, setClock, dataDir } = await personWhoExited();
    try {
      setClock('2034-11-21T12:00:00Z');
      expect(value<Due>(await services.dispatch('retention.due', {})).items.map((item) => item.participantId)).not.toContain(id);
      const reference = value<{ reference: string }>(await services.dispatch('participants.get', { id })).reference;
      const before = reader.rowCounts();
      expect(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('22 November 2034') },
      });
      expect(reader.rowCounts({ except: ['audit_log'] })).toEqual(withoutAudit(before));

      setClock('2034-11-22T12:00:00Z');
      const due = value<Due>(await services.dispatch('retention.due', {})).items.find((item) => item.participantId === id);
      expect(due).toEqual({
        participantId: id,
        reference,
        name: 'Alex Testperson',
        exitedOn: '2026-11-22',
        lastContactOn: '2026-11-22',
        recordKind: 'adult_health',
        rule: 'Adult health record: 8 years after leaving the service on 22 November 2026',
        reviewDueOn: '2034-11-22',
        legalHold: null,
      });

      expect(rowsMentioning(reader, id).map((row) => row.split(':')[0])).toEqual(
        expect.arrayContaining([
          'participants',
          'referrals',
          'consents',
          'assessments',
          'measure_results',
          'risk_flags',
          'action_plans',
          'participant_exits',
          'fit_notes',
        ]),
      );
      const participantsBefore = before.participants ?? 0;
      expect(await services.dispatch('retention.purge', { participantId: id, confirmReference: 'WW-999999' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { confirmReference: `Type ${reference} to confirm this is the record to delete` } },
      });
      // The data folder's own copies of the store (a restore's replaced store, a rotation's backup) hold the record too.
      const copies = [
        path.join(dataDir, 'replaced-2034-11-01T10-00-00-000Z'),
        path.join(storePaths(dataDir).backupsDir, 'after-rotation-x.wwbackup'),
      ];
      mkdirSync(copies[0]!, { recursive: true });
      mkdirSync(path.dirname(copies[1]!), { recursive: true });
      writeFileSync(copies[1]!, 'a backup of the store');
      const purged = value<{ deletedRows: number }>(
        await services.dispatch('retention.purge', { participantId: id, confirmReference: reference.toLowerCase() }),
      );
      expect(purged.deletedRows).toBeGreaterThan(10);
      expect(copies.filter((copy) => existsSync(copy))).toEqual([]);
      // Rows that name the person only through their plan went too.
      expect(reader.rowCounts()).toMatchObject({
        action_updates: (before.action_updates ?? 0) - 1,
        plan_reviews: (before.plan_reviews ?? 0) - 1,
      });

      // Nothing of the person is left anywhere but in the audit trail, which holds ids only.
      expect(rowsMentioning(reader, id)).toEqual([]);
      expect(reader.rowCounts().participants).toBe(participantsBefore - 1);
      expect(reader.rowCounts().retention_purge).toBe(0);
      const trail = reader.read((database) =>
        database.prepare('SELECT action, channel FROM audit_log WHERE participant_id = ? ORDER BY seq').all(id),
      ) as Array<{ action: string; channel: string }>;
      expect(trail.length).toBeGreaterThan(5);
      expect(trail.at(-1)).toEqual({ action: 'delete', channel: 'retention.purge' });
      expect(value<{ intact: boolean }>(await services.dispatch('audit.verify', {})).intact).toBe(true);
      expect(reader.integrityCheck()).toBe('ok');
      expect(await services.dispatch('participants.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      reader.forget();
      await services.close();
    }
  }, 60_000);

  it('a legal hold (administrator, with a reason) prevents deletion until released', async () => {
    const { services, id, reader, setClock, signInAs } = await personWhoExited();
    try {
      setClock('2035-01-10T12:00:00Z');
      const reference = value<{ reference: string }>(await services.dispatch('participants.get', { id })).reference;
      expect(await services.dispatch('retention.placeHold', { participantId: id, reason: '' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
      });
      const held = value<{ legalHold: { reason: string; placedByName: string } }>(
        await services.dispatch('retention.placeHold', { participantId: id, reason: 'Employment tribunal claim 2400123/2034' }),
      );
      expect(held.legalHold).toMatchObject({ reason: 'Employment tribunal claim 2400123/2034', placedByName: 'Demo Administrator' });
      expect(await services.dispatch('retention.placeHold', { participantId: id, reason: 'Again' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(
        value<Due>(await services.dispatch('retention.due', {})).items.find((item) => item.participantId === id)?.legalHold?.reason,
      ).toBe('Employment tribunal claim 2400123/2034');

      const before = reader.rowCounts({ except: ['audit_log'] });
      expect(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('legal hold') },
      });
      expect(reader.rowCounts({ except: ['audit_log'] })).toEqual(before);
      // The store itself refuses, even on the purge path with the marker set.
      expect(() =>
        reader.read((database) =>
          database.transaction(() => {
            database.prepare('INSERT INTO retention_purge (slot, participant_id) VALUES (1, ?)').run(id);
            database.prepare('DELETE FROM participants WHERE id = ?').run(id);
          })(),
        ),
      ).toThrow(/legal hold/);

      await signInAs('demo.coordinator');
      expect(await services.dispatch('retention.releaseHold', { participantId: id, reason: 'Claim settled' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      await signInAs(DEMO_PARTNERSHIP.adminUsername);
      value(await services.dispatch('retention.releaseHold', { participantId: id, reason: 'Claim settled' }));
      expect(await services.dispatch('retention.releaseHold', { participantId: id, reason: 'Claim settled' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(
        value<{ deletedRows: number }>(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference }))
          .deletedRows,
      ).toBeGreaterThan(0);
      expect(rowsMentioning(reader, id)).toEqual([]);
    } finally {
      reader.forget();
      await services.close();
    }
  }, 60_000);

  it('other roles are refused; outside retention review the store refuses deletes as before', async () => {
    const { services, id, reader, setClock, signInAs } = await personWhoExited();
    try {
      setClock('2035-01-10T12:00:00Z');
      await signInAs('demo.coach');
      for (const [channel, input] of [
        ['retention.due', {}],
        ['retention.placeHold', { participantId: id, reason: 'x' }],
        ['retention.purge', { participantId: id, confirmReference: 'WW-000001' }],
      ] as const) {
        expect(await services.dispatch(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      for (const statement of [
        'DELETE FROM participants WHERE id = ?',
        'DELETE FROM assessments WHERE participant_id = ? AND signed_at IS NOT NULL',
        'DELETE FROM measure_results WHERE participant_id = ?',
        'DELETE FROM action_plans WHERE participant_id = ?',
      ]) {
        expect(() => reader.read((database) => database.prepare(statement).run(id)), statement).toThrow(/WORKWELL_LOCKED/);
      }
    } finally {
      reader.forget();
      await services.close();
    }
  }, 60_000);

  it('a failed purge changes nothing; rows other features lock, their search index and tables added later are purged too', async () => {
    const { services, id, reader, setClock } = await personWhoExited();
    try {
      setClock('2035-01-10T12:00:00Z');
      const reference = value<{ reference: string }>(await services.dispatch('participants.get', { id })).reference;
      // Rows the adjustments and meetings features lock against deletion: saved adjustments, a
      // signed AHP report, and the minutes of an ended meeting.
      reader.read((database) => {
        const admin = database.prepare("SELECT id FROM users WHERE username = 'demo.admin'").pluck().get() as string;
        const plan = database.prepare('SELECT id FROM action_plans WHERE participant_id = ?').pluck().get(id) as string;
        const chair = database.prepare('SELECT id FROM team_members LIMIT 1').pluck().get() as string;
        database
          .prepare(
            "INSERT INTO workplace_adjustments (id, participant_id, plan_id, version, content_json, saved_by, saved_at) VALUES ('wa1', ?, ?, 1, '{}', ?, '2026-11-21')",
          )
          .run(id, plan, admin);
        database
          .prepare(
            "INSERT INTO ahp_reports (id, participant_id, status, content_json, author_id, created_at, updated_at, signed_by, signed_at) VALUES ('ahp1', ?, 'signed', '{}', ?, '2026-11-21', '2026-11-21', ?, '2026-11-21')",
          )
          .run(id, admin, admin);
        database
          .prepare(
            "INSERT INTO meetings (id, held_on, starts_at, chair_id, expected_attendee_ids_json, minutes_per_case, status, created_by, created_at) VALUES ('m1', '2026-11-19', '10:00', ?, '[]', 10, 'ended', ?, '2026-11-19')",
          )
          .run(chair, admin);
        database
          .prepare(
            "INSERT INTO agenda_items (id, meeting_id, participant_id, position, status, notes, listed_at, listed_by) VALUES ('ai1', 'm1', ?, 1, 'discussed', 'Minutes', '2026-11-19', ?)",
          )
          .run(id, admin);
        expect(() => database.prepare("DELETE FROM ahp_reports WHERE id = 'ahp1'").run()).toThrow(/WORKWELL_LOCKED/);
        expect(() => database.prepare("DELETE FROM agenda_items WHERE id = 'ai1'").run()).toThrow(/WORKWELL_LOCKED/);
      });
      const triggersBefore = reader.read((database) =>
        database.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all(),
      );
      const searchHits = () =>
        reader.read((database) =>
          database.prepare("SELECT count(*) FROM participants_search WHERE participants_search MATCH 'Testperson'").pluck().get(),
        );
      expect(searchHits()).toBe(1);
      // A later feature's tables: one keyed by participant, one hanging off it, one by column only.
      reader.read((database) =>
        database.exec(`
          CREATE TABLE later_notes (id TEXT PRIMARY KEY, participant_id TEXT NOT NULL REFERENCES participants(id), note TEXT NOT NULL);
          CREATE TABLE later_note_links (id TEXT PRIMARY KEY, note_id TEXT NOT NULL REFERENCES later_notes(id));
          CREATE TABLE later_loose (participant_id TEXT, detail TEXT);
          INSERT INTO later_notes VALUES ('n1', '${id}', 'note'), ('n2', '${id}', 'note two');
          INSERT INTO later_note_links VALUES ('l1', 'n1'), ('l2', 'n2');
          INSERT INTO later_loose VALUES ('${id}', 'detail');
          CREATE TRIGGER break_purge AFTER DELETE ON later_note_links WHEN old.id = 'l2' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;
        `),
      );
      const before = reader.rowCounts({ except: ['audit_log'] });
      expect(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference })).toMatchObject({ ok: false });
      expect(reader.rowCounts({ except: ['audit_log'] })).toEqual(before);

      reader.read((database) => database.exec('DROP TRIGGER break_purge'));
      value(await services.dispatch('retention.purge', { participantId: id, confirmReference: reference }));
      expect(rowsMentioning(reader, id)).toEqual([]);
      expect(reader.rowCounts()).toMatchObject({
        later_notes: 0,
        later_note_links: 0,
        later_loose: 0,
        retention_purge: 0,
        workplace_adjustments: (before.workplace_adjustments ?? 0) - 1,
        ahp_reports: (before.ahp_reports ?? 0) - 1,
        // The person's minutes go; the meeting, and others' minutes, stay.
        agenda_items: (before.agenda_items ?? 0) - 1,
        meetings: before.meetings,
      });
      expect(searchHits()).toBe(0);
      // Every lock trigger is back as it was (the purge's own suspension left no trace).
      expect(
        reader.read((database) =>
          database.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name <> 'break_purge' ORDER BY name").all(),
        ),
      ).toEqual((triggersBefore as Array<{ name: string }>).filter((trigger) => trigger.name !== 'break_purge'));
    } finally {
      reader.forget();
      await services.close();
    }
  }, 60_000);
});
