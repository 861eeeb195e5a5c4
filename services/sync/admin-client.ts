import {
  addServerUserResponseSchema,
  changeServerUserRoleResponseSchema,
  revokedResponseSchema,
  serverDevicesResponseSchema,
  serverUsersResponseSchema,
  type AddServerUserRequest,
  type ChangeServerUserRoleRequest,
} from '../../core/sync/admin-protocol';
import { callServer } from './sync-client';

/**
 * The laptop's side of the server's administrator routes (server/admin-routes.ts). The server
 * checks the token's user is an administrator there; these calls never decide that themselves.
 */
export const adminClient = {
  listUsers: (serverUrl: string, token: string) =>
    callServer(serverUrl, '/admin/users', serverUsersResponseSchema, { method: 'GET', token }),
  addUser: (serverUrl: string, token: string, request: AddServerUserRequest) =>
    callServer(serverUrl, `/admin/users/${encodeURIComponent(request.row.id)}`, addServerUserResponseSchema, {
      method: 'PUT',
      token,
      body: request,
    }),
  revokeUser: (serverUrl: string, token: string, userId: string) =>
    callServer(serverUrl, `/admin/users/${encodeURIComponent(userId)}/revoke`, revokedResponseSchema, { method: 'POST', token }),
  changeUserRole: (serverUrl: string, token: string, userId: string, request: ChangeServerUserRoleRequest) =>
    callServer(serverUrl, `/admin/users/${encodeURIComponent(userId)}/role`, changeServerUserRoleResponseSchema, {
      method: 'POST',
      token,
      body: request,
    }),
  listDevices: (serverUrl: string, token: string) =>
    callServer(serverUrl, '/admin/devices', serverDevicesResponseSchema, { method: 'GET', token }),
  revokeDevice: (serverUrl: string, token: string, deviceId: string) =>
    callServer(serverUrl, `/admin/devices/${encodeURIComponent(deviceId)}/revoke`, revokedResponseSchema, { method: 'POST', token }),
};
