import { sql } from 'kysely';
import { addServerUserRequestSchema } from '../core/sync/admin-protocol';
import { notifyOnCommit, publishUserRow, requireAdministrator } from './admin-caller';
import { requireSignedByCaller } from './caller-signed-role';
import { HttpError } from './http-error';
import { inAdministrationScope, inRequestScope } from './request-scope';
import { administratorEntry, appendServerAudit } from './server-audit-append';
import type { Route } from './route';
import { currentRow, lockChangeLog, writeChange } from './sync-apply';
import { heldSlot } from './signed-role';
import { parseBody } from './sync-body';

const rowKey = (id: string) => JSON.stringify([id]);

/** GET /admin/users: who may sign in to this partnership's server, with their role there and their laptops. */
export const listUsersRoute: Route = {
  method: 'GET',
  pattern: '/admin/users',
  async handle(context) {
    const caller = await requireAdministrator(context);
    const rows = await inRequestScope(context.db, caller, (trx) =>
      trx
        .selectFrom('users')
        .leftJoin('records', (join) =>
          join
            .onRef('records.partnership_id', '=', 'users.partnership_id')
            .on('records.table_name', '=', 'users')
            .onRef('records.key', '=', sql<string>`jsonb_build_array(users.id)::text`),
        )
        .select([
          'users.id',
          'users.username',
          'users.role',
          'users.revoked_at',
          'users.role_version',
          sql<string | null>`records.row->>'display_name'`.as('display_name'),
          (eb) =>
            eb
              .selectFrom('devices')
              .select(sql<string>`count(*)::text`.as('n'))
              .whereRef('devices.user_id', '=', 'users.id')
              .where('devices.revoked_at', 'is', null)
              .as('laptops'),
        ])
        .where('users.partnership_id', '=', caller.partnershipId)
        .orderBy('users.username')
        .execute(),
    );
    return {
      status: 200,
      body: {
        users: rows.map((row) => ({
          userId: row.id,
          username: row.username,
          displayName: row.display_name,
          role: row.role,
          roleVersion: row.role_version,
          revokedAt: row.revoked_at?.toISOString() ?? null,
          laptops: Number(row.laptops ?? 0),
        })),
      },
    };
  },
};

/**
 * PUT /admin/users/:id: a user an administrator added on a laptop. The server takes their role,
 * public key and keyring slot (so a laptop of theirs can enrol), and their row (so every laptop
 * receives it on pull), in one transaction. Sent again after a cut connection, it changes nothing.
 */
export const addUserRoute: Route = {
  method: 'PUT',
  pattern: '/admin/users/:id',
  body: 'json',
  async handle(context) {
    const caller = await requireAdministrator(context);
    const { row, slot, teamMember } = parseBody(addServerUserRequestSchema, context.body);
    if (row.id !== context.params.id || slot.userId !== row.id || slot.username !== row.username || row.disabled_at !== null)
      throw new HttpError(400, 'VALIDATION', 'The user, their keyring slot and the address did not match. Nothing was changed.');
    if (teamMember !== null && (typeof teamMember.id !== 'string' || teamMember.user_id !== row.id))
      throw new HttpError(400, 'VALIDATION', 'The team member sent with the user was not linked to them. Nothing was changed.');
    const added = await inAdministrationScope(context.db, caller, async (trx) => {
      // The change-log lock before any row, in sync apply's order (server/sync-apply.ts), so an
      // administrator's change and a push can never wait on each other.
      await lockChangeLog(trx, caller.partnershipId);
      const existing = await trx
        .selectFrom('users')
        .select(['id', 'partnership_id', 'username', 'public_key'])
        .where((eb) => eb.or([eb('id', '=', row.id), eb('username', '=', row.username)]))
        .forUpdate()
        .execute();
      // The role as the calling administrator signed it into the new slot (issue 18 item 1).
      const held = heldSlot(slot);
      if (held?.role === undefined || held.role.role !== row.role)
        throw new HttpError(403, 'FORBIDDEN', 'The new user’s role is not signed into their keyring slot. Nothing was changed.');
      await requireSignedByCaller(trx, caller, held, held.role);
      const same = existing.find((user) => user.id === row.id);
      if (
        same !== undefined &&
        same.partnership_id === caller.partnershipId &&
        same.username === row.username &&
        same.public_key === slot.publicKey
      )
        return false;
      if (existing.length > 0)
        throw new HttpError(
          409,
          'CONFLICT',
          `The username "${row.username}" is already used on the partnership server. Nothing was changed.`,
        );
      await trx
        .insertInto('users')
        .values({
          id: row.id,
          partnership_id: caller.partnershipId,
          username: row.username,
          role: row.role,
          role_version: held.role.version,
          public_key: slot.publicKey,
          revoked_at: null,
        })
        .execute();
      await trx
        .insertInto('keyring_slots')
        .values({ user_id: row.id, slot: JSON.stringify(slot) })
        .execute();
      const by = { partnershipId: caller.partnershipId, deviceId: caller.deviceId, mutationId: null };
      await writeChange(trx, { ...by, table: 'users', key: rowKey(row.id), row });
      if (teamMember !== null) {
        const key = rowKey(String(teamMember.id));
        const current = await currentRow(trx, caller.partnershipId, 'team_members', key);
        if (current === null || (current.user_id !== null && current.user_id !== row.id))
          throw new HttpError(
            409,
            'CONFLICT',
            'That team member is not on the partnership server or already has an account. Nothing was changed.',
          );
        // Only the link is taken from the laptop: the rest of the team member stays the server's.
        const link = {
          user_id: row.id,
          version: teamMember.version ?? null,
          updated_at: teamMember.updated_at ?? null,
          updated_by: teamMember.updated_by ?? null,
        };
        await writeChange(trx, { ...by, table: 'team_members', key, row: { ...current, ...link } });
      }
      await appendServerAudit(trx, caller.partnershipId, [
        administratorEntry(caller, 'add_user', addUserRoute.pattern, { userId: row.id, role: row.role }),
      ]);
      await notifyOnCommit(trx, caller.partnershipId);
      return true;
    });
    if (added) context.changes?.wake(caller.partnershipId);
    return { status: added ? 201 : 200, body: { added } };
  },
};

/**
 * POST /admin/users/:id/revoke: the user's next connection, from any laptop, is refused
 * (auth-session.ts checks on every request); every laptop receives their row as revoked, so their
 * passphrase no longer unlocks any of them once it has synced.
 */
export const revokeUserRoute: Route = {
  method: 'POST',
  pattern: '/admin/users/:id/revoke',
  async handle(context) {
    const caller = await requireAdministrator(context);
    const userId = context.params.id ?? '';
    // The caller is an administrator and not the one revoked, so an administrator always remains.
    if (userId === caller.userId) throw new HttpError(409, 'CONFLICT', 'You cannot revoke your own account. Ask another administrator.');
    const revokedAt = await inRequestScope(context.db, caller, async (trx) => {
      // As sync apply does: the change-log lock first, then the user's row and their record.
      await lockChangeLog(trx, caller.partnershipId);
      const before = await trx
        .selectFrom('users')
        .select('revoked_at')
        .where('id', '=', userId)
        .where('partnership_id', '=', caller.partnershipId)
        .forUpdate()
        .executeTakeFirst();
      if (before === undefined) throw new HttpError(404, 'NOT_FOUND', 'That user is not on the partnership server.');
      if (before.revoked_at !== null) return { at: before.revoked_at, changed: false };
      const { revoked_at: at } = await trx
        .updateTable('users')
        .set({ revoked_at: sql<Date>`now()` })
        .where('id', '=', userId)
        .returning('revoked_at')
        .executeTakeFirstOrThrow();
      const key = rowKey(userId);
      const current = await currentRow(trx, caller.partnershipId, 'users', key);
      if (current !== null && at !== null) {
        await publishUserRow(trx, caller, key, { ...current, disabled_at: at.toISOString() });
      }
      return { at, changed: true };
    });
    if (revokedAt.changed) context.changes?.wake(caller.partnershipId);
    return { status: 200, body: { revokedAt: revokedAt.at?.toISOString() ?? '' } };
  },
};
