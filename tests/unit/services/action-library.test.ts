import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { LibraryActionEntry } from '../../../core/schemas/config/action-library';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { createAppServices } from '../../../services/app-services';
import { resultValue as value } from '../../support/result-value';
import { tempDir } from '../../support/temp-dir';
import { testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

/** A new (not demo) partnership, signed in as its administrator. */
async function adminSignedIn() {
  const services = createAppServices({ dataDir: tempDir(), clock: testClock() });
  value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
  return services;
}

const library = async (services: Awaited<ReturnType<typeof adminSignedIn>>) =>
  value<PartnershipConfig>(await services.dispatch('config.get', {})).actionLibrary;

const SESSIONS = {
  disciplineCode: 'physiotherapy',
  kind: 'intervention',
  description: 'Six physiotherapy sessions',
  dueAfter: 'one_month',
};

describe('the action library (settings, compare-and-set)', () => {
  it('a new partnership starts empty; an administrator adds, edits and deactivates an action, which stays listed', async () => {
    const services = await adminSignedIn();
    expect(await library(services)).toEqual([]);
    const added = value<LibraryActionEntry>(await services.dispatch('config.saveLibraryAction', SESSIONS));
    expect(added).toMatchObject({ ...SESSIONS, active: true, version: 1 });
    const edited = value<LibraryActionEntry>(
      await services.dispatch('config.saveLibraryAction', {
        ...SESSIONS,
        id: added.id,
        version: 1,
        description: 'Six physiotherapy sessions with home exercises',
        dueAfter: null,
        active: false,
      }),
    );
    expect(edited).toMatchObject({ version: 2, dueAfter: null, active: false });
    expect(await library(services)).toEqual([edited]);
    await services.close();
  });

  it('a stale version is a CONFLICT and changes nothing; a duplicate wording, an unknown discipline or a bad usual time is refused', async () => {
    const services = await adminSignedIn();
    const added = value<LibraryActionEntry>(await services.dispatch('config.saveLibraryAction', SESSIONS));
    value(await services.dispatch('config.saveLibraryAction', { ...SESSIONS, id: added.id, version: 1, dueAfter: 'two_weeks' }));
    const before = await library(services);
    expect(
      await services.dispatch('config.saveLibraryAction', { ...SESSIONS, id: added.id, version: 1, description: 'Something else' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await services.dispatch('config.saveLibraryAction', { ...SESSIONS, description: 'SIX PHYSIOTHERAPY SESSIONS' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { description: expect.stringContaining('already has') } },
    });
    expect(await services.dispatch('config.saveLibraryAction', { ...SESSIONS, disciplineCode: 'local-none' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { disciplineCode: 'Choose a discipline from the list' } },
    });
    expect(await services.dispatch('config.saveLibraryAction', { ...SESSIONS, description: 'New', dueAfter: 'one_year' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await services.dispatch('config.saveLibraryAction', { ...SESSIONS, id: added.id, description: 'No version' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await library(services)).toEqual(before);
    await services.close();
  });

  it('only administrators change it: a coordinator reads the demo library and is refused FORBIDDEN', async () => {
    const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
    value(await services.dispatch('setup.createDemoPartnership', {}));
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
    const before = await library(services);
    expect(new Set(before.map((entry) => entry.disciplineCode))).toEqual(
      new Set(['physiotherapy', 'mental_health', 'occupational_therapy', 'employment_support']),
    );
    expect(await services.dispatch('config.saveLibraryAction', { ...SESSIONS, description: 'Coordinator’s own' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await library(services)).toEqual(before);
    await services.close();
  });
});
