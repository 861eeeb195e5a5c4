import { describe, expect, it } from 'vitest';
import type { ParticipantPlans } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { SYNC_FORMAT_VERSION } from '../../../core/sync/sync-protocol';
import { listOutbox } from '../../../db/sync/outbox';
import { pull, push } from '../../../services/sync/sync-client';
import { demoTeam } from '../../support/demo-team';
import { JOINED_UP, value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { passOffOutboxChange } from '../../support/forged-outbox';
import { sessionFor, withStore } from '../../support/sync-session';
import { testReferral } from '../../support/test-referral';

const GOALS = [{ id: 'g1', text: 'Back to full shifts by February' }];

describe('sync rules', () => {
  it(
    'two laptops agree the same plan offline: exactly one agreed version survives; the other keeps its refused change and text',
    { timeout: 120_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopB = await partnership.enrol('demo.coordinator');
      const a = await laptopApp(partnership.laptopA, 'demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
      const { id } = value<{ id: string }>(await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } })));
      value(await a.dispatch('assessments.saveJoinedUp', { participantId: id, ...JOINED_UP }));
      const team = demoTeam(value<PartnershipConfig>(await a.dispatch('config.get', {})));
      const actions = [
        {
          id: 'a1',
          goalId: 'g1',
          kind: 'intervention',
          discipline: 'physiotherapy',
          description: 'Six physiotherapy sessions',
          ownerId: team.physio,
          dueOn: '2027-01-15',
          serviceId: null,
        },
      ];
      const draft = value<{ planId: string }>(
        await a.dispatch('plans.saveDraft', { participantId: id, goals: GOALS, actions, reviewOn: '2027-02-01' }),
      );
      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).refused).toEqual([]);
      await partnership.sync(laptopB.dataDir, 'demo.coordinator');

      // Offline: A agrees the draft; B rewrites the goals, then agrees its own version.
      value(
        await a.dispatch('plans.agreeByMdt', {
          planId: draft.planId,
          revision: 1,
          attendeeIds: [team.coordinator, team.physio],
          checkedById: team.physio,
        }),
      );
      const bGoals = [{ id: 'g1', text: 'Laptop B: a phased return over six weeks' }];
      value(
        await b.dispatch('plans.saveDraft', {
          participantId: id,
          planId: draft.planId,
          revision: 1,
          goals: bGoals,
          actions,
          reviewOn: '2027-02-01',
        }),
      );
      value(
        await b.dispatch('plans.agreeByMdt', {
          planId: draft.planId,
          revision: 2,
          attendeeIds: [team.coordinator, team.ot],
          checkedById: team.ot,
        }),
      );

      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).refused).toEqual([]);
      const fromB = await partnership.sync(laptopB.dataDir, 'demo.coordinator');
      expect(fromB.refused.map((refusal) => [refusal.channel, refusal.code])).toEqual([
        ['plans.saveDraft', 'CONFLICT'],
        ['plans.agreeByMdt', 'CONFLICT'],
      ]);
      expect(fromB.refused[0]?.message).toContain('Someone else changed this record on another laptop first');

      // The server holds one agreed version, A's; B now shows A's, and its own text is kept in its outbox.
      const serverPlans = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'action_plans').execute();
      const agreed = serverPlans
        .map((each) => each.row as { participant_id: string; status: string; checked_by_id: string })
        .filter((row) => row.participant_id === id);
      expect(agreed).toEqual([expect.objectContaining({ status: 'agreed_by_mdt', checked_by_id: team.physio })]);
      for (const laptop of [a, b]) {
        const plans = value<ParticipantPlans>(await laptop.dispatch('plans.get', { participantId: id }));
        expect(JSON.stringify(plans)).toContain(team.physio);
        expect(JSON.stringify(plans)).not.toContain('Laptop B: a phased return');
      }
      const refused = await withStore(laptopB.dataDir, 'demo.coordinator', (opened) => listOutbox(opened.store, 'refused'));
      expect(refused).toHaveLength(2);
      expect(refused[0]).toMatchObject({
        channel: 'plans.saveDraft',
        refusalCode: 'CONFLICT',
        input: expect.objectContaining({ goals: bGoals }),
      });
    },
  );

  it(
    'a user who made themselves administrator in their own store cannot push what their server role forbids',
    { timeout: 120_000 },
    async () => {
      const partnership = await demoOnServer();
      await withStore(partnership.laptopA, 'demo.coach', (opened) =>
        opened.store.sqlite.prepare("UPDATE users SET role = 'administrator' WHERE username = 'demo.coach'").run(),
      );
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      // The app does not take the store's word: the role an administrator signed is coach.
      expect(await a.dispatch('config.saveDiscipline', { label: 'Hydrotherapy zz' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      await a.close();
      // So the coach passes off an administrator's waiting change as their own; the server still refuses it.
      const admin = await laptopApp(partnership.laptopA, 'demo.admin');
      value(await admin.dispatch('config.saveDiscipline', { label: 'Hydrotherapy zz' }));
      await admin.close();
      await passOffOutboxChange(partnership.laptopA, 'config.saveDiscipline', 'demo.coach');
      const report = await partnership.sync(partnership.laptopA, 'demo.coach');
      expect(report.refused).toEqual([expect.objectContaining({ channel: 'config.saveDiscipline', code: 'FORBIDDEN' })]);
      const rows = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'disciplines').execute();
      expect(JSON.stringify(rows)).not.toContain('Hydrotherapy zz');
      // The edited users row itself was never sent either (a raw edit is not a contract call).
      const coach = await partnership.db.selectFrom('users').select('role').where('username', '=', 'demo.coach').executeTakeFirstOrThrow();
      expect(coach.role).toBe('coach');
      expect(
        JSON.stringify(
          await partnership.db
            .selectFrom('change_log')
            .select('row')
            .where('table_name', '=', 'users')
            .where('mutation_id', 'is not', null)
            .execute(),
        ),
      ).toBe('[]');
    },
  );

  it(
    'a revoked laptop or user is refused at once, even with a session already open; a repeated push applies nothing twice; an unknown format is refused plainly',
    { timeout: 120_000 },
    async () => {
      const partnership = await demoOnServer();
      const laptopB = await partnership.enrol('demo.coach');
      const b = await laptopApp(laptopB.dataDir, 'demo.coach');
      value(await b.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Twiceperson' } })));

      await expect(partnership.sync(laptopB.dataDir, 'demo.coach', { formatVersion: 99 })).rejects.toMatchObject({
        code: 'FORMAT_UNSUPPORTED',
        message: expect.stringMatching(new RegExp(`format 99.*takes format ${SYNC_FORMAT_VERSION}\\..*Update WorkWell MDT`)),
      });

      // The connection is cut after the server applied the push: the laptop never heard the answer.
      const { session, state, waiting } = await sessionFor(laptopB.dataDir, 'demo.coach');
      expect(waiting).toHaveLength(1);
      const first = await push(state.serverUrl, session.token, waiting);
      expect(first.results).toEqual([expect.objectContaining({ outcome: 'applied' })]);
      const logged = async () =>
        Number(
          (
            await partnership.db
              .selectFrom('change_log')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const after = await logged();
      expect((await push(state.serverUrl, session.token, waiting)).results).toEqual([expect.objectContaining({ outcome: 'duplicate' })]);
      const retried = await partnership.sync(laptopB.dataDir, 'demo.coach');
      expect(retried).toMatchObject({ pushed: 0, duplicates: 1, refused: [] });
      expect(await logged()).toBe(after);
      expect(await withStore(laptopB.dataDir, 'demo.coach', (opened) => listOutbox(opened.store, 'applied'))).toHaveLength(1);

      // Revoked on the server: the open session stops working at once, and signing in again is refused.
      await partnership.db
        .updateTable('devices')
        .set({ revoked_at: new Date('2026-12-06T10:00:00Z') })
        .where('id', '=', state.deviceId)
        .execute();
      await expect(pull(state.serverUrl, session.token, '0')).rejects.toMatchObject({ code: 'REVOKED' });
      await expect(partnership.sync(laptopB.dataDir, 'demo.coach')).rejects.toMatchObject({ code: 'REVOKED' });
      // A departed user is refused on every laptop, at sign-in.
      expect(await partnership.sync(partnership.laptopA, 'demo.admin')).toMatchObject({ refused: [] });
      await partnership.db
        .updateTable('users')
        .set({ revoked_at: new Date('2026-12-06T10:00:00Z') })
        .where('username', '=', 'demo.admin')
        .execute();
      await expect(partnership.sync(partnership.laptopA, 'demo.admin')).rejects.toMatchObject({ code: 'REVOKED' });
    },
  );
});
