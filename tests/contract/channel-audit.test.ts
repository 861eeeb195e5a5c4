import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDITED_RECORDS, type ChannelAudit } from '../../core/audit';
import { CHANNELS } from '../../core/channels';
import { contract, type ChannelDefinition } from '../../core/contract';

const fieldsOf = (schema: z.ZodType): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

describe('every channel declares its audit in the contract', () => {
  const definitions = CHANNELS.map((channel) => [channel, contract[channel] as ChannelDefinition] as const);

  it.each(definitions)('%s: an action (or null), and a person that names a real field', (_channel, definition) => {
    const audit: ChannelAudit | undefined = definition.audit;
    expect(audit).toBeDefined();
    expect(audit.action === null || AUDIT_ACTIONS.includes(audit.action)).toBe(true);
    const person = audit.person;
    if (person === undefined) return;
    if ('output' in person) {
      expect(fieldsOf(definition.output)).toContain(person.output);
    } else {
      expect(fieldsOf(definition.input)).toContain(person.input);
      if (person.record !== undefined) expect(AUDITED_RECORDS).toContain(person.record);
    }
  });

  it('every channel whose input names a person records that person', () => {
    const forgotten = definitions
      .filter(([, definition]) => fieldsOf(definition.input).includes('participantId'))
      .filter(
        ([, definition]) =>
          definition.audit.person === undefined ||
          !('input' in definition.audit.person) ||
          definition.audit.person.input !== 'participantId',
      )
      .map(([channel]) => channel);
    expect(forgotten).toEqual([]);
  });
});
