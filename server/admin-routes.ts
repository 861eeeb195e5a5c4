import { listDevicesRoute, revokeDeviceRoute } from './admin-device-routes';
import { changeUserRoleRoute } from './admin-role-route';
import { addUserRoute, listUsersRoute, revokeUserRoute } from './admin-user-routes';
import type { Route } from './route';
import { withRevocationEvent } from './server-event-routes';

/**
 * The administrator routes (core/sync/admin-protocol.ts): users (and their roles) and enrolled laptops. Each checks
 * the caller is an administrator on the server itself (admin-caller.ts). Revocations are recorded
 * in the partnership's audit chain.
 */
export function adminRoutes(): Route[] {
  return [
    listUsersRoute,
    addUserRoute,
    withRevocationEvent(revokeUserRoute, 'userId'),
    changeUserRoleRoute,
    listDevicesRoute,
    withRevocationEvent(revokeDeviceRoute, 'deviceId'),
  ];
}
