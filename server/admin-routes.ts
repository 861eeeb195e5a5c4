import { listDevicesRoute, revokeDeviceRoute } from './admin-device-routes';
import { addUserRoute, listUsersRoute, revokeUserRoute } from './admin-user-routes';
import type { Route } from './route';

/**
 * The administrator routes (core/sync/admin-protocol.ts): users and enrolled laptops. Each checks
 * the caller is an administrator on the server itself (admin-caller.ts).
 */
export function adminRoutes(): Route[] {
  return [listUsersRoute, addUserRoute, revokeUserRoute, listDevicesRoute, revokeDeviceRoute];
}
