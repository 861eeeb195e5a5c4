import type { Channel } from '../core/channels';
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

const PARTICIPANT_ID_BY_ROW: ReadonlyArray<[key: string, table: 'action_plans' | 'risk_flags' | 'consents' | 'assessments' | 'agenda_items']> = [
  ['planId', 'action_plans'],
  ['flagId', 'risk_flags'],
  ['consentId', 'consents'],
  ['amendsId', 'assessments'],
  ['itemId', 'agenda_items'],
];

/**
 * The person a call concerned, so "who looked at this person's record" is one indexed query. Taken
 * from the ids in the input (or a new record's id in the output), looking up the row an id names
 * when the call names a plan, flag, consent or assessment rather than the person.
 */
export async function auditedParticipantId(store: Store, channel: Channel, input: Record<string, string>, output: Record<string, string>): Promise<string | null> {
  if (input.participantId !== undefined) return input.participantId;
  if (channel === 'participants.get') return input.id ?? null;
  if (channel === 'participants.register') return output.id ?? null;
  if (channel === 'assessments.sign' && input.id !== undefined) return participantOf(store, 'assessments', input.id);
  for (const [key, table] of PARTICIPANT_ID_BY_ROW) {
    const id = input[key];
    if (id !== undefined) return participantOf(store, table, id);
  }
  return null;
}

async function participantOf(store: Store, table: 'action_plans' | 'risk_flags' | 'consents' | 'assessments' | 'agenda_items', id: string): Promise<string | null> {
  const row = await store.db.selectFrom(table).select('participant_id').where('id', '=', id).executeTakeFirst();
  return row?.participant_id ?? null;
}
