import type { Channel } from '../core/channels';
import { contract } from '../core/contract';
import type { Role } from '../core/roles';

/**
 * Mirrors the contract's access rule, so the UI offers an action only to roles that may use it.
 * The services layer enforces the rule itself; this only avoids offering what would be refused.
 */
export function canCall(channel: Channel, role: Role): boolean {
  const access = contract[channel].access;
  return access === 'public' || (access as readonly Role[]).includes(role);
}

/** Whether the role may change the partnership's settings (disciplines, team, directory). */
export function canChangeSettings(role: Role): boolean {
  return canCall('config.saveDiscipline', role);
}
