import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import { value } from '../../../support/demo-with-person';
import { demoWithIdleClock } from '../../../support/demo-with-idle-clock';

const PASS = DEMO_PARTNERSHIP.passphrase;
const PLACE = { route: '#/meetings/m-1/live?case=a-2', timers: { 'a-1': 412, 'a-2': 95 } };

describe('the idle lock keeps the meeting’s place', () => {
  it('counts down for the warning, keeps the place saved at the warning, and gives it back to the same person once', async () => {
    const { services, advance } = await demoWithIdleClock({ idleLockSeconds: 300 });
    try {
      value(await services.dispatch('session.touch', {}));
      advance(239);
      expect(value(await services.dispatch('app.status', {}))).not.toHaveProperty('idleLockInSeconds');
      advance(11);
      expect(value(await services.dispatch('app.status', {}))).toMatchObject({ state: 'unlocked', idleLockInSeconds: 50 });
      // Saving the place when the warning shows is not activity: the lock still comes on time.
      value(await services.dispatch('session.saveResumePoint', PLACE));
      advance(51);
      expect(value(await services.dispatch('app.status', {}))).toMatchObject({ state: 'locked', resumeUsername: 'demo.admin' });
      value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
      expect(value(await services.dispatch('session.takeResumePoint', {}))).toEqual({ resumePoint: PLACE });
      // Once only.
      expect(value(await services.dispatch('session.takeResumePoint', {}))).toEqual({ resumePoint: null });
    } finally {
      await services.close();
    }
  });

  it('gives nothing to someone else who unlocks, and nothing after a sign-out the person chose', async () => {
    const { services, advance } = await demoWithIdleClock({ idleLockSeconds: 300 });
    try {
      value(await services.dispatch('session.saveResumePoint', PLACE));
      advance(301);
      expect(value(await services.dispatch('app.status', {}))).toMatchObject({ state: 'locked', resumeUsername: 'demo.admin' });
      value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS }));
      expect(value(await services.dispatch('session.takeResumePoint', {}))).toEqual({ resumePoint: null });
      value(await services.dispatch('session.saveResumePoint', PLACE));
      value(await services.dispatch('session.lock', {}));
      expect(value(await services.dispatch('app.status', {}))).not.toHaveProperty('resumeUsername');
      value(await services.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS }));
      expect(value(await services.dispatch('session.takeResumePoint', {}))).toEqual({ resumePoint: null });
    } finally {
      await services.close();
    }
  });

  it('refuses a place that is not a screen of this app, with a field message', async () => {
    const { services } = await demoWithIdleClock();
    try {
      const refused = await services.dispatch('session.saveResumePoint', { route: 'https://elsewhere.example/', timers: {} });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { route: 'Not a screen of this app' } } });
    } finally {
      await services.close();
    }
  });
});
