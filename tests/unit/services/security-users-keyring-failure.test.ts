import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../core/schemas/audit';
import type { UserEntry } from '../../../core/schemas/security';
import type * as KeyringModule from '../../../db/keyring';
import { readKeyring } from '../../../db/keyring';
import { storePaths } from '../../../db/store-paths';
import { demoWithPerson, value } from '../../support/demo-with-person';

const failing = vi.hoisted(() => ({ writes: false }));

vi.mock('../../../db/keyring', async (importOriginal) => {
  const original = await importOriginal<typeof KeyringModule>();
  return {
    ...original,
    writeKeyring: async (...args: Parameters<typeof original.writeKeyring>) => {
      if (failing.writes) throw new Error('disk refused the keyring');
      return original.writeKeyring(...args);
    },
  };
});

describe('adding a user when the keyring cannot be written', () => {
  it('leaves no account, no key slot and no audit entry saying it was added', async () => {
    const demo = await demoWithPerson();
    const slotsBefore = (await readKeyring(storePaths(demo.dataDir).keyring))?.slots.length;
    failing.writes = true;
    try {
      expect(
        await demo.services.dispatch('users.add', {
          username: 'never.added',
          displayName: 'Never Added',
          role: 'coach',
          passphrase: 'orange kettle mountain river 7',
        }),
      ).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      failing.writes = false;
    }
    const users = value<{ users: UserEntry[] }>(await demo.services.dispatch('users.list', {})).users;
    expect(users.map((user) => user.username)).not.toContain('never.added');
    expect((await readKeyring(storePaths(demo.dataDir).keyring))?.slots.length).toBe(slotsBefore);
    const entries = value<{ entries: AuditEntry[] }>(await demo.services.dispatch('audit.search', { limit: 200 })).entries;
    expect(entries.filter((entry) => entry.channel === 'users.add' && entry.outcome === 'ok')).toEqual([]);
    await demo.services.close();
  });
});
