/** What an audit entry says happened. */
export const AUDIT_ACTIONS = [
  'view',
  'search',
  'create',
  'edit',
  'sign',
  'export',
  'print',
  'sign_in',
  'sign_in_failed',
  'lock',
  'configure',
  'denied',
  'delete',
  'security_warning',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A record a call names by its id; its row says which person it belongs to. */
export const AUDITED_RECORDS = ['plan', 'riskFlag', 'consent', 'assessment', 'agendaItem'] as const;
export type AuditedRecord = (typeof AUDITED_RECORDS)[number];

/**
 * Where the person a call concerned is found, so "who looked at this person's record" is one
 * indexed query: an input field holding their id, a field of the output (a person just
 * registered), or an input field naming one of their records.
 */
export type AuditedPerson = { readonly input: string; readonly record?: AuditedRecord } | { readonly output: string };

/**
 * How a channel is audited, declared with the channel. `action` is what a successful call
 * records; null for calls that touch no record (status polls, the idle-lock heartbeat, file
 * pickers), whose refusals are still recorded as `denied`. `person` is left out when a call
 * concerns no one person. Entries hold ids only, never free text.
 */
export interface ChannelAudit {
  readonly action: AuditAction | null;
  readonly person?: AuditedPerson;
}
