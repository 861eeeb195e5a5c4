import type { z } from 'zod';
import type { ChannelAudit } from '../audit';
import type { Role } from '../roles';

/**
 * Who may call a channel: `public` needs no session (first run and unlock); otherwise the
 * signed-in user must hold one of the roles.
 */
export type ChannelAccess = 'public' | readonly Role[];

/**
 * One channel of the contract. Each feature's file in core/contracts/ lists its channels as plain
 * objects of this shape; core/contract.ts assembles them.
 */
export interface ChannelDefinition<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly input: Input;
  readonly output: Output;
  readonly access: ChannelAccess;
  /** One line for people reading the contract. */
  readonly summary: string;
  /** What the audit trail records for a call: its action, and the person it concerned. */
  readonly audit: ChannelAudit;
}
