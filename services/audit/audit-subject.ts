import type { AuditedPerson, AuditedRecord } from '../../core/audit';
import { participantIdOfRow, type ParticipantOwnedTable } from '../../db/repositories/audit-repository';
import type { Store } from '../../db/store';

/** Top-level id fields of an input or output (`id`, `participantId`, `planId`...): never free text. */
export function idFields(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  const ids: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((key === 'id' || /^[a-z]+Id$/.test(key)) && typeof field === 'string' && field.length <= 64) ids[key] = field;
  }
  return ids;
}

const TABLE_OF_RECORD: Readonly<Record<AuditedRecord, ParticipantOwnedTable>> = {
  plan: 'action_plans',
  riskFlag: 'risk_flags',
  consent: 'consents',
  assessment: 'assessments',
  agendaItem: 'agenda_items',
};

/**
 * The person a call concerned, as its channel declares (see `audit.person` in the contract),
 * looking up the row an id names when the call names a plan, flag, consent, assessment or agenda
 * item rather than the person. Synchronous, so it also works inside a call's open transaction
 * (see call-audit-scope.ts).
 */
export function auditedParticipantId(
  store: Pick<Store, 'sqlite'>,
  person: AuditedPerson | undefined,
  input: Record<string, string>,
  output: Record<string, string>,
): string | null {
  if (person === undefined) return null;
  if ('output' in person) return output[person.output] ?? null;
  const id = input[person.input];
  if (id === undefined) return null;
  return person.record === undefined ? id : participantIdOfRow(store, TABLE_OF_RECORD[person.record], id);
}
