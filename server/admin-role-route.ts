import { changeServerUserRoleRequestSchema } from '../core/sync/admin-protocol';
import { publishUserRow, requireAdministrator } from './admin-caller';
import { requireSignedByCaller } from './caller-signed-role';
import { HttpError } from './http-error';
import { inAdministrationScope } from './request-scope';
import { administratorEntry, appendServerAudit } from './server-audit-append';
import type { Route } from './route';
import { lockChangeLog } from './sync-apply';
import { heldSlot } from './signed-role';
import { parseBody } from './sync-body';

/**
 * POST /admin/users/:id/role: an administrator changed a user's role on a laptop. The server's own
 * `users.role` is what every request is checked against (auth-session.ts), so it takes effect at
 * the user's next request from any laptop; their row goes to every laptop on pull. Refused: your
 * own role (so an administrator always remains: the caller is one and is not the one changed), a
 * revoked user, and a user whose row changed on the server after the sending laptop last pulled.
 * The role comes with its signed assignment (issue 18 item 1), taken only when the caller signed it
 * with their own key over the user's slot held here and it is newer than the one held (an earlier
 * assignment sent again is refused); it goes into the slot a laptop enrolled later receives, and to
 * every laptop through GET /sync/roles. Saving a role unchanged (a newer signature) is taken too.
 */
export const changeUserRoleRoute: Route = {
  method: 'POST',
  pattern: '/admin/users/:id/role',
  body: 'json',
  async handle(context) {
    const caller = await requireAdministrator(context);
    const { role, seenUpTo, assignment } = parseBody(changeServerUserRoleRequestSchema, context.body);
    const userId = context.params.id ?? '';
    if (assignment.role !== role) throw new HttpError(400, 'VALIDATION', 'The signed role is not the role asked for. Nothing was changed.');
    if (userId === caller.userId) throw new HttpError(409, 'CONFLICT', 'You cannot change your own role. Ask another administrator.');
    const changed = await inAdministrationScope(context.db, caller, async (trx) => {
      // The change-log lock first, as sync apply and the other administrator routes take it.
      await lockChangeLog(trx, caller.partnershipId);
      const user = await trx
        .selectFrom('users')
        .innerJoin('keyring_slots', 'keyring_slots.user_id', 'users.id')
        .select(['users.role', 'users.revoked_at', 'users.role_version', 'keyring_slots.slot'])
        .where('users.id', '=', userId)
        .where('users.partnership_id', '=', caller.partnershipId)
        .forUpdate()
        .executeTakeFirst();
      const slot = heldSlot(user?.slot);
      if (user === undefined || slot === undefined) throw new HttpError(404, 'NOT_FOUND', 'That user is not on the partnership server.');
      if (user.revoked_at !== null) throw new HttpError(409, 'CONFLICT', 'That user has been revoked: their role cannot change.');
      await requireSignedByCaller(trx, caller, slot, assignment);
      // Sent again after a cut connection: already held, nothing changes.
      if (assignment.version === user.role_version && slot.role?.signature === assignment.signature) return false;
      if (assignment.version <= user.role_version)
        throw new HttpError(
          409,
          'CONFLICT',
          `This signed role (version ${assignment.version}) is not newer than the one the partnership server holds (version ${user.role_version}): an earlier role cannot be put back. Nothing was changed.`,
        );
      const key = JSON.stringify([userId]);
      const record = await trx
        .selectFrom('records')
        .select(['row', 'seq'])
        .where('partnership_id', '=', caller.partnershipId)
        .where('table_name', '=', 'users')
        .where('key', '=', key)
        .forUpdate()
        .executeTakeFirst();
      if (record !== undefined && BigInt(record.seq) > BigInt(seenUpTo))
        throw new HttpError(
          409,
          'CONFLICT',
          'This user was changed on another laptop since this laptop last synced. Their role was not changed; look again once it has synced.',
        );
      await trx.updateTable('users').set({ role, role_version: assignment.version }).where('id', '=', userId).execute();
      // The slot a laptop enrolled later receives carries the role as now signed.
      await trx
        .updateTable('keyring_slots')
        .set({ slot: JSON.stringify({ ...slot, role: assignment }) })
        .where('user_id', '=', userId)
        .execute();
      // In the partnership's audit chain in the same transaction: no role changes without its entry.
      await appendServerAudit(trx, caller.partnershipId, [
        administratorEntry(caller, 'change_role', changeUserRoleRoute.pattern, {
          userId,
          from: user.role,
          to: role,
          version: assignment.version,
        }),
      ]);
      if (record !== undefined && user.role !== role)
        await publishUserRow(trx, caller, key, { ...(record.row as Record<string, string | number | null>), role });
      return true;
    });
    if (changed) context.changes?.wake(caller.partnershipId);
    return { status: 200, body: { role, changed } };
  },
};
