import type { Channel } from '../core/channels';
import { contract } from '../core/contract';
import { ROLE_LABELS, type Role } from '../core/roles';

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

/**
 * Marks a form, or a button that calls or opens a form for `channel`, so the walk of every screen as
 * every role (tests/e2e/role-offers.spec.ts) can check the role shown it may call it. Spread it:
 * `<form {...offers('consents.record')}>`.
 */
export function offers(channel: Channel): { readonly 'data-channel': Channel } {
  return { 'data-channel': channel };
}

/** Who may call a channel, in words for "only ... can" explanations: "Administrator, MDT coordinator / chair or Work and Health Coach". */
export function whoMay(channel: Channel): string {
  const access = contract[channel].access;
  if (access === 'public') return 'anyone';
  const labels = (access as readonly Role[]).map((role) => ROLE_LABELS[role]);
  return labels.length <= 1 ? (labels[0] ?? 'no one') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
