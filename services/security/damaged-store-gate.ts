import type { AuditAction } from '../../core/audit';
import type { Channel } from '../../core/channels';
import type { ChannelDefinition } from '../../core/contract';

/** What a session on a store found damaged still does: read, lock, and the way out (restore). */
const STILL_ANSWERED_ACTIONS: ReadonlySet<AuditAction | null> = new Set<AuditAction | null>([null, 'view', 'search', 'lock', 'sign_in']);
const STILL_ANSWERED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['backup.restore', 'exports.cancel']);

/**
 * Whether a call is refused because the open store was found damaged after unlock. Writing to a
 * damaged file can spread the damage, and a document or export made from it may carry it; reading
 * goes on (a meeting can still see its cases) until someone restores the newest backup.
 */
export function refusedOnDamagedStore(channel: Channel, definition: ChannelDefinition): boolean {
  return !STILL_ANSWERED_CHANNELS.has(channel) && !STILL_ANSWERED_ACTIONS.has(definition.audit.action);
}
