import { sql } from 'kysely';
import { requireAdministrator } from './admin-caller';
import { SESSION_SECONDS } from './auth-routes';
import { HttpError } from './http-error';
import { inRequestScope } from './request-scope';
import type { Route } from './route';

/** GET /admin/devices: the partnership's enrolled laptops, newest first, with when each was last seen. */
export const listDevicesRoute: Route = {
  method: 'GET',
  pattern: '/admin/devices',
  async handle(context) {
    const caller = await requireAdministrator(context);
    const rows = await inRequestScope(context.db, caller, (trx) =>
      trx
        .selectFrom('devices')
        .innerJoin('users', 'users.id', 'devices.user_id')
        .select([
          'devices.id',
          'users.username',
          'devices.enrolled_at',
          'devices.revoked_at',
          // A session is made at sign-in and lasts SESSION_SECONDS: its start is when the laptop was last seen.
          (eb) =>
            eb
              .selectFrom('sessions')
              .select(sql<Date | null>`max(expires_at) - make_interval(secs => ${SESSION_SECONDS})`.as('at'))
              .whereRef('sessions.device_id', '=', 'devices.id')
              .as('last_seen_at'),
        ])
        .where('devices.partnership_id', '=', caller.partnershipId)
        .orderBy('devices.enrolled_at', 'desc')
        .orderBy('devices.id')
        .execute(),
    );
    return {
      status: 200,
      body: {
        devices: rows.map((row) => ({
          deviceId: row.id,
          username: row.username,
          enrolledAt: row.enrolled_at.toISOString(),
          lastSeenAt: row.last_seen_at === null ? null : new Date(row.last_seen_at).toISOString(),
          revokedAt: row.revoked_at?.toISOString() ?? null,
        })),
      },
    };
  },
};

/**
 * POST /admin/devices/:id/revoke: the laptop's next connection is refused, whoever signs in on it
 * (auth-session.ts checks on every request). Its store stays encrypted under its users' passphrases.
 */
export const revokeDeviceRoute: Route = {
  method: 'POST',
  pattern: '/admin/devices/:id/revoke',
  async handle(context) {
    const caller = await requireAdministrator(context);
    if (context.params.id === caller.deviceId)
      throw new HttpError(409, 'CONFLICT', 'This is the laptop you are using. Revoke it from another administrator’s laptop.');
    const revoked = await inRequestScope(context.db, caller, (trx) =>
      trx
        .updateTable('devices')
        .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
        .where('id', '=', context.params.id ?? '')
        .where('partnership_id', '=', caller.partnershipId)
        .returning('revoked_at')
        .executeTakeFirst(),
    );
    if (revoked?.revoked_at == null) throw new HttpError(404, 'NOT_FOUND', 'That laptop is not enrolled in this partnership.');
    return { status: 200, body: { revokedAt: revoked.revoked_at.toISOString() } };
  },
};
