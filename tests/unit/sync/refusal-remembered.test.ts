import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Role } from '../../../core/roles';
import { readKeyring } from '../../../db/keyring';
import { signRoleAssignment } from '../../../db/role-assignment';
import { storePaths } from '../../../db/store-paths';
import { listOutbox, waitingMutations } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { adminClient } from '../../../services/sync/admin-client';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { settlePush } from '../../../services/sync/settle-push';
import { pull, push, signIn } from '../../../services/sync/sync-client';
import { pullAll } from '../../../services/sync/sync-once';
import { value } from '../../support/demo-with-person';
import { asKeyHolder } from '../../support/key-holder';
import { serverFamilyNames } from '../../support/server-family-names';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { sessionFor } from '../../support/sync-session';
import { testReferral } from '../../support/test-referral';

describe('a refusal whose reply was lost', () => {
  it('is refused again, with the same reason, when pushed again, and never taken for applied', { timeout: 180_000 }, async () => {
    const partnership = await demoOnServer();
    const app = await laptopApp(partnership.laptopA, 'demo.coach');
    value(await app.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Refusedperson' } })));
    // The server acts only on a role an administrator signed: the administrator signs the coach's new one there.
    const keyringA = (await readKeyring(storePaths(partnership.laptopA).keyring))!;
    const coachId = (await partnership.db.selectFrom('users').select('id').where('username', '=', 'demo.coach').executeTakeFirstOrThrow())
      .id;
    const coachSlot = keyringA.slots.find((slot) => slot.userId === coachId)!;
    const admin = await asKeyHolder(partnership.laptopA, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    const asAdmin = await sessionFor(partnership.laptopA, 'demo.admin');
    const setCoachRoleOnServer = (role: Role, version: number) =>
      adminClient.changeUserRole(asAdmin.state.serverUrl, asAdmin.session.token, coachId, {
        role,
        seenUpTo: '999999',
        assignment: signRoleAssignment(keyringA.storeId, admin.signer, coachSlot, role, version),
      });
    // The server's own role for the coach no longer registers people: the push is refused FORBIDDEN.
    await setCoachRoleOnServer('physiotherapist', coachSlot.role!.version + 1);

    const opened = await openSyncStore(partnership.laptopA, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
    try {
      const { store } = opened;
      const state = readSyncState(store)!;
      const userId = opened.slot.userId;
      const session = await signIn(state.serverUrl, { username: 'demo.coach', deviceId: state.deviceId, ...opened.userKey });
      const batch = waitingMutations(store, { userId });
      expect(batch).toHaveLength(1);
      const refusedId = batch[0]!.mutationId;

      // The reply to this push is lost on the way: the laptop never settles it.
      const lost = await push(state.serverUrl, session.token, batch);
      expect(lost.results).toEqual([expect.objectContaining({ mutationId: refusedId, outcome: 'refused', code: 'FORBIDDEN' })]);
      const first = lost.results[0] as Extract<(typeof lost.results)[number], { outcome: 'refused' }>;

      // A pull in between does not mark it done: the server's watermark stops below the refusal.
      await pullAll(store, state.serverUrl, session.token, state.cursor, userId);
      expect(listOutbox(store).find((entry) => entry.mutationId === refusedId)?.status).toBe('waiting');

      // Pushed again: the same refusal, never "duplicate".
      const again = await push(state.serverUrl, session.token, batch);
      expect(again.results).toEqual([
        { mutationId: refusedId, outcome: 'refused', code: first.code, message: first.message, serverRows: first.serverRows },
      ]);
      const settled = settlePush(store, batch, again.results);
      expect(settled).toMatchObject({ pushed: 0, duplicates: 0, refused: [{ mutationId: refusedId, code: 'FORBIDDEN' }] });
      expect(listOutbox(store).find((entry) => entry.mutationId === refusedId)).toMatchObject({
        status: 'refused',
        refusalCode: 'FORBIDDEN',
        refusal: first.message,
      });
      const people = await serverFamilyNames(partnership.db);
      expect(people).not.toContain('Refusedperson');

      // Once settled here, the laptop's next push starts after it, and the watermark moves on past it.
      await setCoachRoleOnServer('coach', coachSlot.role!.version + 2);
      value(await app.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Laterperson' } })));
      const next = waitingMutations(store, { userId });
      expect(next.map((mutation) => mutation.mutationId)).not.toContain(refusedId);
      const applied = await push(state.serverUrl, session.token, next);
      expect(applied.results.map((result) => result.outcome)).toEqual(['applied']);
      expect((await pull(state.serverUrl, session.token, '0')).lastMutationId).toBe(next[0]!.mutationId);
    } finally {
      await opened.close();
    }
  });
});
