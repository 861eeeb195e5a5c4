import { auditRoutes } from './audit-routes';
import { answerRoute, challengeRoute } from './auth-routes';
import { enrolmentSlotRoute } from './enrolment-slot-route';
import type { Route } from './route';
import { pullRoute } from './sync-pull';
import { withPushRefusalEvents, withSignInEvents } from './server-event-routes';
import { signedRolesRoute } from './signed-roles-route';
import { pushRoute } from './sync-push';

/**
 * The sync protocol's endpoints (core/sync/sync-protocol.ts), sign-in and push recording their
 * outcomes in the partnership's audit chain, and the audit trail's own (core/sync/audit-protocol.ts).
 * `enrolment` tunes GET /enrol/slot (tests).
 */
export function syncRoutes(options: { enrolment?: Parameters<typeof enrolmentSlotRoute>[0] } = {}): Route[] {
  return [
    challengeRoute,
    withSignInEvents(answerRoute),
    enrolmentSlotRoute(options.enrolment),
    withPushRefusalEvents(pushRoute),
    pullRoute,
    signedRolesRoute,
    ...auditRoutes(),
  ];
}
