import { changeServerUserRoleRequestSchema } from '../core/sync/admin-protocol';
import { publishUserRow, requireAdministrator } from './admin-caller';
import { HttpError } from './http-error';
import { inAdministrationScope } from './request-scope';
import { administratorEntry, appendServerAudit } from './server-audit-append';
import type { Route } from './route';
import { lockChangeLog } from './sync-apply';
import { parseBody } from './sync-body';

/**
 * POST /admin/users/:id/role: an administrator changed a user's role on a laptop. The server's own
 * `users.role` is what every request is checked against (auth-session.ts), so it takes effect at
 * the user's next request from any laptop; their row goes to every laptop on pull. Refused: your
 * own role (so an administrator always remains: the caller is one and is not the one changed), a
 * revoked user, and a user whose row changed on the server after the sending laptop last pulled.
 */
export const changeUserRoleRoute: Route = {
  method: 'POST',
  pattern: '/admin/users/:id/role',
  body: 'json',
  async handle(context) {
    const caller = await requireAdministrator(context);
    const { role, seenUpTo } = parseBody(changeServerUserRoleRequestSchema, context.body);
    const userId = context.params.id ?? '';
    if (userId === caller.userId) throw new HttpError(409, 'CONFLICT', 'You cannot change your own role. Ask another administrator.');
    const changed = await inAdministrationScope(context.db, caller, async (trx) => {
      // The change-log lock first, as sync apply and the other administrator routes take it.
      await lockChangeLog(trx, caller.partnershipId);
      const user = await trx
        .selectFrom('users')
        .select(['role', 'revoked_at'])
        .where('id', '=', userId)
        .where('partnership_id', '=', caller.partnershipId)
        .forUpdate()
        .executeTakeFirst();
      if (user === undefined) throw new HttpError(404, 'NOT_FOUND', 'That user is not on the partnership server.');
      if (user.revoked_at !== null) throw new HttpError(409, 'CONFLICT', 'That user has been revoked: their role cannot change.');
      if (user.role === role) return false;
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
      await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
      // In the partnership's audit chain in the same transaction: no role changes without its entry.
      await appendServerAudit(trx, caller.partnershipId, [
        administratorEntry(caller, 'change_role', changeUserRoleRoute.pattern, { userId, from: user.role, to: role }),
      ]);
      if (record !== undefined) await publishUserRow(trx, caller, key, { ...(record.row as Record<string, string | number | null>), role });
      return true;
    });
    if (changed) context.changes?.wake(caller.partnershipId);
    return { status: 200, body: { role, changed } };
  },
};
