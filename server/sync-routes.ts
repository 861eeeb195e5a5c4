import { auditRoutes } from './audit-routes';
import { answerRoute, challengeRoute, enrolmentSlotRoute } from './auth-routes';
import type { Route } from './route';
import { pullRoute } from './sync-pull';
import { withPushRefusalEvents, withSignInEvents } from './server-event-routes';
import { pushRoute } from './sync-push';

/**
 * The sync protocol's endpoints (core/sync/sync-protocol.ts), sign-in and push recording their
 * outcomes in the partnership's audit chain, and the audit trail's own (core/sync/audit-protocol.ts).
 */
export function syncRoutes(): Route[] {
  return [challengeRoute, withSignInEvents(answerRoute), enrolmentSlotRoute, withPushRefusalEvents(pushRoute), pullRoute, ...auditRoutes()];
}
