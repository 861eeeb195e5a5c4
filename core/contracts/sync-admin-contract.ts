import { z } from 'zod';
import type { Role } from '../roles';
import { emptyInputSchema } from '../schemas/session';
import { revokedResponseSchema, serverDeviceSchema, serverUserSchema } from '../sync/admin-protocol';
import type { ChannelDefinition } from './channel-definition';
import { syncStatusSchema } from './sync-contract';

const ADMIN: readonly Role[] = ['administrator'];

/** The Settings page for the partnership server: this laptop's link, and the server's laptops and users. */
export const syncAdminOverviewSchema = z.strictObject({
  /** False for a solo store: nothing else applies. */
  joined: z.boolean(),
  serverUrl: z.string().nullable(),
  /** This laptop's id on the server, so the page can mark it. */
  thisDeviceId: z.string().nullable(),
  status: syncStatusSchema,
  /** Why the server's lists could not be read (unreachable, revoked...); null when they were. */
  serverProblem: z.string().nullable(),
  devices: z.array(serverDeviceSchema),
  users: z.array(serverUserSchema),
});
export type SyncAdminOverview = z.infer<typeof syncAdminOverviewSchema>;

/** The partnership server's administration, spread into the contract (services/sync/sync-admin-handlers.ts). */
export const syncAdminContract = {
  'syncAdmin.overview': {
    summary: 'The partnership server this laptop syncs with, its state, and the server’s enrolled laptops and users',
    input: emptyInputSchema,
    output: syncAdminOverviewSchema,
    access: ADMIN,
    audit: { action: 'view' },
  },
  'syncAdmin.revokeDevice': {
    summary: 'Revoke an enrolled laptop on the partnership server: its next connection is refused',
    input: z.strictObject({ deviceId: z.uuid() }),
    output: revokedResponseSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
  'syncAdmin.revokeUser': {
    summary: 'Revoke a user on the partnership server: their next connection, from any laptop, is refused',
    input: z.strictObject({ userId: z.string().min(1).max(64) }),
    output: revokedResponseSchema,
    access: ADMIN,
    audit: { action: 'configure' },
  },
} as const satisfies Record<string, ChannelDefinition>;
