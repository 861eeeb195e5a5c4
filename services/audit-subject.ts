import type { Channel } from '../core/channels';
import { participantIdOfRow, type ParticipantOwnedTable } from '../db/repositories/audit-repository';
import type { Store } from '../db/store';

/** Top-level id fields of an input or output (`id`, `participantId`, `planId`...): never free text. */
export function idFields(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  const ids: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((key === 'id' || /^[a-z]+Id$/.test(key)) && typeof field === 'string' && field.length <= 64) ids[key] = field;
  }
  return ids;
}

const PARTICIPANT_ID_BY_ROW: ReadonlyArray<[key: string, table: ParticipantOwnedTable]> = [
  ['planId', 'action_plans'],
  ['flagId', 'risk_flags'],
  ['consentId', 'consents'],
  ['amendsId', 'assessments'],
  ['itemId', 'agenda_items'],
];

/**
 * The person a call concerned, so "who looked at this person's record" is one indexed query. Taken
 * from the ids in the input (or a new record's id in the output), looking up the row an id names
 * when the call names a plan, flag, consent or assessment rather than the person. Synchronous, so
 * it also works inside a call's open transaction (see call-audit-scope.ts).
 */
export function auditedParticipantId(store: Pick<Store, 'sqlite'>, channel: Channel, input: Record<string, string>, output: Record<string, string>): string | null {
  if (input.participantId !== undefined) return input.participantId;
  if (channel === 'participants.get') return input.id ?? null;
  if (channel === 'participants.register') return output.id ?? null;
  if (channel === 'assessments.sign' && input.id !== undefined) return participantIdOfRow(store, 'assessments', input.id);
  for (const [key, table] of PARTICIPANT_ID_BY_ROW) {
    const id = input[key];
    if (id !== undefined) return participantIdOfRow(store, table, id);
  }
  return null;
}
