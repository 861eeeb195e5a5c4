import { answerRoute, challengeRoute, enrolmentSlotRoute } from './auth-routes';
import type { Route } from './route';
import { pullRoute } from './sync-pull';
import { pushRoute } from './sync-push';

/** The sync protocol's endpoints (core/sync/sync-protocol.ts). */
export function syncRoutes(): Route[] {
  return [challengeRoute, answerRoute, enrolmentSlotRoute, pushRoute, pullRoute];
}
