import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../../core/nhs-number';
import type { Result } from '../../../core/result';
import { createAppServices } from '../../../services/app-services';
import { mayShare } from '../../../services/participants/consent-service';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testReferral } from '../../support/test-referral';
import { testClock } from '../../support/test-clock';

async function signedIn() {
  const services = createAppServices({ clock: testClock(), dataDir: tempDir() });
  const created = await services.dispatch('setup.createPartnership', testPartnershipInput());
  expect(created.ok).toBe(true);
  return services;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as T;
}

describe('registering a referral', () => {
  it('the test NHS number used here is valid, so refusals below are about duplicates', () => {
    expect(isValidNhsNumber('9990000018')).toBe(true);
  });

  it('registers a person with their referral, and the record reads back', async () => {
    const services = await signedIn();
    const registered = value<{ id: string; reference: string }>(await services.dispatch('participants.register', testReferral()));
    expect(registered.reference).toMatch(/^WW-\d{6}$/);
    const record = value<Record<string, unknown>>(await services.dispatch('participants.get', { id: registered.id }));
    expect(record).toMatchObject({
      givenName: 'Alex',
      familyName: 'Testperson',
      nhsNumber: '9990000018',
      status: 'referred',
      employment: { status: 'off_sick_fit_note', employerName: 'Example Logistics Ltd', mayContactEmployer: true },
      referrals: [{ route: 'gp', date: '2026-11-02', reason: expect.stringContaining('lifting injury') }],
      consents: [],
      currentConsent: { service: null, share_employer: null, share_partnership: null, evaluation: null },
    });
    await services.close();
  });

  it('never registers the same NHS number twice, and says which record has it', async () => {
    const services = await signedIn();
    const first = value<{ reference: string }>(await services.dispatch('participants.register', testReferral()));
    const again = await services.dispatch(
      'participants.register',
      testReferral({ person: { givenName: 'Someone', familyName: 'Else' }, confirmedNotDuplicate: true }),
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { 'person.nhsNumber': `Already registered as ${first.reference}` } },
    });
    const list = value<{ total: number }>(await services.dispatch('participants.count', {}));
    expect(list.total).toBe(1);
    await services.close();
  });

  it('asks for confirmation before registering the same name and date of birth again', async () => {
    const services = await signedIn();
    await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } }));
    const check = value<{ matches: Array<{ matchedOn: string }> }>(
      await services.dispatch('participants.checkDuplicates', { givenName: 'alex', familyName: 'TESTPERSON', dateOfBirth: '1984-03-02' }),
    );
    expect(check.matches).toHaveLength(1);
    expect(check.matches[0]?.matchedOn).toBe('name_and_date_of_birth');
    expect(await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' }, confirmedNotDuplicate: true })),
    ).toMatchObject({ ok: true });
    await services.close();
  });

  it('refuses an invalid NHS number, a future date of birth and a missing reason, field by field, writing nothing', async () => {
    const services = await signedIn();
    const input = testReferral({ person: { nhsNumber: '999 000 0019', dateOfBirth: '2999-01-01' } });
    const result = await services.dispatch('participants.register', { ...input, referral: { ...input.referral, reason: '  ' } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'person.nhsNumber': 'Enter a valid 10-digit NHS number, or leave it blank',
          'person.dateOfBirth': 'Date of birth must be today or in the past',
          'referral.reason': 'Enter the reason for referral',
        },
      },
    });
    expect(value<{ total: number }>(await services.dispatch('participants.count', {})).total).toBe(0);
    await services.close();
  });
});

describe('consent', () => {
  async function withPerson() {
    const services = await signedIn();
    const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
    return { services, id };
  }

  it('records one decision per purpose and answers "may I share" from it', async () => {
    const { services, id } = await withPerson();
    const given = value<{ id: string; decision: string }>(
      await services.dispatch('consents.record', {
        participantId: id,
        purpose: 'share_employer',
        decision: 'given',
        date: '2026-11-03',
        method: 'verbal',
      }),
    );
    expect(given.decision).toBe('given');
    await services.dispatch('consents.record', {
      participantId: id,
      purpose: 'evaluation',
      decision: 'declined',
      date: '2026-11-03',
      method: 'written',
    });
    const record = value<{ currentConsent: Record<string, { decision: string } | null> }>(
      await services.dispatch('participants.get', { id }),
    );
    expect(record.currentConsent.share_employer?.decision).toBe('given');
    expect(record.currentConsent.evaluation?.decision).toBe('declined');
    expect(record.currentConsent.share_partnership).toBeNull();
    await services.close();
  });

  it('withdrawal takes effect at once for "may I share", keeps the history, and cannot be repeated', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    await services.dispatch('setup.createPartnership', testPartnershipInput());
    const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
    const given = value<{ id: string }>(
      await services.dispatch('consents.record', {
        participantId: id,
        purpose: 'share_employer',
        decision: 'given',
        date: '2026-11-03',
        method: 'verbal',
      }),
    );
    // A second "given" while one is in force is refused: a withdrawal must come first.
    expect(
      await services.dispatch('consents.record', {
        participantId: id,
        purpose: 'share_employer',
        decision: 'given',
        date: '2026-11-04',
        method: 'verbal',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await services.dispatch('consents.withdraw', { consentId: given.id, date: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { date: 'The withdrawal cannot be before consent was given' } },
    });
    const withdrawn = value<{ withdrawnOn: string }>(
      await services.dispatch('consents.withdraw', { consentId: given.id, date: '2026-11-10' }),
    );
    expect(withdrawn.withdrawnOn).toBe('2026-11-10');
    expect(await services.dispatch('consents.withdraw', { consentId: given.id, date: '2026-11-11' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const record = value<{ consents: unknown[]; currentConsent: Record<string, { withdrawnOn: string | null } | null> }>(
      await services.dispatch('participants.get', { id }),
    );
    expect(record.consents).toHaveLength(1);
    expect(record.currentConsent.share_employer?.withdrawnOn).toBe('2026-11-10');
    await services.close();
  });

  it('mayShare is true only while a given consent is in force', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    await services.dispatch('setup.createPartnership', testPartnershipInput());
    const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
    await services.dispatch('consents.record', {
      participantId: id,
      purpose: 'evaluation',
      decision: 'declined',
      date: '2026-11-03',
      method: 'written',
    });
    const given = value<{ id: string }>(
      await services.dispatch('consents.record', {
        participantId: id,
        purpose: 'share_partnership',
        decision: 'given',
        date: '2026-11-03',
        method: 'electronic',
      }),
    );
    await services.close();

    async function shareAnswers() {
      const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
      try {
        return {
          partnership: await mayShare(store, id, 'share_partnership'),
          evaluation: await mayShare(store, id, 'evaluation'),
          employer: await mayShare(store, id, 'share_employer'),
          dwp: await mayShare(store, id, 'share_dwp'),
        };
      } finally {
        await store.close();
      }
    }
    expect(await shareAnswers()).toEqual({ partnership: true, evaluation: false, employer: false, dwp: false });

    const again = createAppServices({ clock: testClock(), dataDir });
    await again.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
    value(await again.dispatch('consents.withdraw', { consentId: given.id, date: '2026-11-20' }));
    await again.close();
    expect(await shareAnswers()).toEqual({ partnership: false, evaluation: false, employer: false, dwp: false });
  });

  it('sharing with the partnership system and sharing with DWP are given, declined and withdrawn each on its own', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
    const record = (purpose: 'share_partnership' | 'share_dwp', decision: 'given' | 'declined', date: string) =>
      services.dispatch('consents.record', { participantId: id, purpose, decision, date, method: 'verbal' });
    async function shareAnswers() {
      const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
      try {
        return { partnership: await mayShare(store, id, 'share_partnership'), dwp: await mayShare(store, id, 'share_dwp') };
      } finally {
        await store.close();
      }
    }
    const partnership = value<{ id: string }>(await record('share_partnership', 'given', '2026-11-03'));
    value(await record('share_dwp', 'declined', '2026-11-03'));
    expect(await shareAnswers()).toEqual({ partnership: true, dwp: false });
    // A DWP decision can follow the decline; giving it leaves the partnership decision as it was.
    const dwp = value<{ id: string }>(await record('share_dwp', 'given', '2026-11-05'));
    expect(await shareAnswers()).toEqual({ partnership: true, dwp: true });
    value(await services.dispatch('consents.withdraw', { consentId: partnership.id, date: '2026-11-10' }));
    expect(await shareAnswers()).toEqual({ partnership: false, dwp: true });
    value(await services.dispatch('consents.withdraw', { consentId: dwp.id, date: '2026-11-11' }));
    expect(await shareAnswers()).toEqual({ partnership: false, dwp: false });
    const person = value<{ currentConsent: Record<string, { decision: string; withdrawnOn: string | null } | null> }>(
      await services.dispatch('participants.get', { id }),
    );
    expect(person.currentConsent.share_partnership).toMatchObject({ decision: 'given', withdrawnOn: '2026-11-10' });
    expect(person.currentConsent.share_dwp).toMatchObject({ decision: 'given', withdrawnOn: '2026-11-11' });
    await services.close();
  }, 60_000);

  it('refuses consent for a person who does not exist and a date in the future', async () => {
    const { services } = await withPerson();
    expect(
      await services.dispatch('consents.record', {
        participantId: 'nobody',
        purpose: 'service',
        decision: 'given',
        date: '2026-11-03',
        method: 'verbal',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await services.dispatch('consents.record', {
        participantId: 'nobody',
        purpose: 'service',
        decision: 'given',
        date: '2999-01-01',
        method: 'verbal',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { date: 'The date of the decision must be today or in the past' } },
    });
    await services.close();
  });
});
