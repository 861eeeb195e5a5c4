import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import { WSAS_NOT_APPLICABLE_ONLY_WORK, WSAS_WORK_ITEM_MUST_BE_ANSWERED } from '../../../../core/scoring/wsas';
import type { AppServices } from '../../../../services/app-services';
import { demoFromTemplate } from '../../../support/demo-template';
import { value } from '../../../support/demo-with-person';
import { testReferral } from '../../../support/test-referral';

let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

/** A demo partnership as its coach, with one person registered in `status`. */
async function personWhoIs(status: 'in_work' | 'off_sick_fit_note' | 'out_of_work_recent') {
  services = (await demoFromTemplate()).services;
  value(await services.dispatch('session.lock', {}));
  value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: DEMO_PARTNERSHIP.passphrase }));
  const registration = testReferral({ person: { nhsNumber: '' } });
  const { id } = value<{ id: string }>(
    await services.dispatch('participants.register', { ...registration, employment: { ...registration.employment, status } }),
  );
  return { app: services, id };
}

const wsas = (answers: unknown[]) => ({ measure: 'wsas', answers }) as never;

describe('WSAS "not applicable" (issue 15, defect 7)', () => {
  it.each(['in_work', 'off_sick_fit_note'] as const)(
    'refuses a not-applicable work item for someone %s, and saves nothing',
    async (status) => {
      const { app, id } = await personWhoIs(status);
      const result = await app.dispatch('measures.record', {
        participantId: id,
        discipline: 'employment_support',
        takenOn: '2026-11-05',
        response: wsas(['not_applicable', 3, 3, 2, 2]),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'answers.0': WSAS_WORK_ITEM_MUST_BE_ANSWERED } } });
      expect(value<{ measures: unknown[] }>(await app.dispatch('participants.get', { id })).measures).toEqual([]);
    },
  );

  it('accepts a not-applicable work item for someone out of work, and pro-rates it', async () => {
    const { app, id } = await personWhoIs('out_of_work_recent');
    const saved = value<{ score: { total: number } }>(
      await app.dispatch('measures.record', {
        participantId: id,
        discipline: 'employment_support',
        takenOn: '2026-11-05',
        response: wsas(['not_applicable', 4, 3, 2, 4]),
      }),
    );
    expect(saved.score.total).toBe(16.3);
  });

  it('refuses "not applicable" on any item but work, whatever the person’s employment', async () => {
    const { app, id } = await personWhoIs('out_of_work_recent');
    const result = await app.dispatch('measures.record', {
      participantId: id,
      discipline: 'employment_support',
      takenOn: '2026-11-05',
      response: wsas([3, 'not_applicable', 3, 2, 2]),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'response.answers.1': WSAS_NOT_APPLICABLE_ONLY_WORK } },
    });
  });
});
