import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate } from '../../../../core/calendar-date';
import { weekStartOf } from '../../../../core/dashboard/dashboard-range';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import type { Dashboard } from '../../../../core/schemas/dashboard';
import type { PartnershipConfig } from '../../../../core/schemas/config/partnership-config';
import type { InboxEntry } from '../../../../core/schemas/referral-inbox';
import { createAppServices } from '../../../../services/app-services';
import { JOINED_UP, value } from '../../../support/demo-with-person';
import { tempDir } from '../../../support/temp-dir';
import { testDate, TEST_NOW } from '../../../support/test-clock';
import { referralCsv, referralCsvRow } from '../../../support/referral-files';
import { testReferral } from '../../../support/test-referral';

/** Day 0 of the story, well before the test's today, so every step happens in the past. */
const D0 = testDate(-120);
const day = (offset: number) => addDaysToIsoDate(D0, offset);
const RANGE = { from: day(0), to: day(55) };

/**
 * Exact figures from hand-made synthetic people with known dates (the demo partnership's own people
 * were referred before day 0, so none of them is in the range). Targets are the defaults: first
 * contact 5 days, assessment 21, agreed plan 42.
 */
describe('the dashboard (issue 20 item 7)', () => {
  it(
    'counts referrals by route and week, waits against the targets, the funnel, outcomes and measure change exactly, per episode, for coordinators and administrators only',
    { timeout: 180_000 },
    async () => {
      let now = new Date(`${day(-1)}T10:00:00Z`);
      /** Moves the app's clock to 10:00 on a day of the story. */
      const at = (offset: number) => {
        now = new Date(`${day(offset)}T10:00:00Z`);
      };
      const dataDir = tempDir();
      const services = createAppServices({ dataDir, clock: () => new Date(now.getTime()) });
      const call = async <T>(channel: Parameters<typeof services.dispatch>[0], input: unknown) =>
        value<T>(await services.dispatch(channel, input as never));
      const signInAs = async (username: string) => {
        await call('session.lock', {});
        await call('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase });
      };
      try {
        await call('setup.createDemoPartnership', {});
        await signInAs('demo.coach');
        const register = async (name: string, route: string, referredOn: number) => {
          at(referredOn);
          const base = testReferral({ person: { nhsNumber: '', givenName: name, familyName: 'Dashboard' }, confirmedNotDuplicate: true });
          const { id } = await call<{ id: string }>('participants.register', {
            ...base,
            referral: { ...base.referral, date: day(referredOn), route },
          });
          return id;
        };
        // Each step is recorded on its own day, as the app's "not in the future" checks read the clock.
        const consent = (participantId: string, purpose: string, decision: string, on: number) => {
          at(on);
          return call('consents.record', { participantId, purpose, decision, date: day(on), method: 'verbal' });
        };
        const contact = (participantId: string, on: number, didNotAttend = false) => {
          at(on);
          return call('contacts.add', {
            participantId,
            contactOn: day(on),
            kind: 'phone',
            didNotAttend,
            outcome: 'Talked about next steps.',
          });
        };
        const assess = (participantId: string, on: number, mainBarrier = 'musculoskeletal') => {
          at(on);
          return call('assessments.saveJoinedUp', { participantId, ...JOINED_UP, assessedOn: day(on), mainBarrier });
        };
        const phq9 = (participantId: string, on: number, answers: number[]) => {
          at(on);
          return call('measures.record', {
            participantId,
            discipline: 'employment_support',
            takenOn: day(on),
            response: { measure: 'phq9', answers },
          });
        };
        const close = (participantId: string, on: number, employmentOutcome: string) => {
          at(on);
          return call('participants.close', { participantId, closedOn: day(on), reason: 'support_completed', employmentOutcome });
        };

        // Ana (GP): contact after 2 days, assessed after 10, plan agreed after 28: all within target.
        const ana = await register('Ana', 'gp', 2);
        await consent(ana, 'service', 'given', 2);
        await contact(ana, 4);
        await assess(ana, 12);
        // Ben (employer): missed a call, reached after 10 days, assessed after 27; no plan 52 days on.
        const ben = await register('Ben', 'employer', 3);
        await consent(ben, 'service', 'given', 3);
        await contact(ben, 5, true);
        await contact(ben, 13);
        await assess(ben, 30);
        // Cat (GP): referred 5 days before the range ends; nothing yet, all within target.
        await register('Cat', 'gp', 50);
        // Dan declined the service: not a participant, counted nowhere (as in the MI return).
        const dan = await register('Dan', 'self_referral', 10);
        await consent(dan, 'service', 'declined', 10);
        // Eve (Jobcentre Plus): contact the same day, assessed after 2, PHQ-9 15 then 8, returned to work.
        const eve = await register('Eve', 'jobcentre_plus', 20);
        await consent(eve, 'service', 'given', 20);
        await consent(eve, 'evaluation', 'given', 20);
        await contact(eve, 20);
        await assess(eve, 22, 'mental_health');
        await phq9(eve, 22, [2, 2, 2, 2, 2, 2, 2, 1, 0]);
        await phq9(eve, 40, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
        // Fay (GP), referred before the range, left in it not in work; no evaluation consent, so no scores counted.
        const fay = await register('Fay', 'gp', -5);
        await assess(fay, 1);
        await phq9(fay, 1, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
        await phq9(fay, 20, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
        await close(eve, 45, 'returned_to_work');
        await close(fay, 30, 'not_in_work');

        // Ana's plan, agreed by the MDT on day 30.
        await signInAs('demo.coordinator');
        const config = await call<PartnershipConfig>('config.get', {});
        const member = (username: string) =>
          config.teamMembers.find((candidate) => candidate.userId === config.accounts.find((account) => account.username === username)?.id)
            ?.id ?? '';
        at(29);
        const draft = await call<{ planId: string }>('plans.saveDraft', {
          participantId: ana,
          goals: [{ id: 'g1', text: 'Back to full shifts' }],
          actions: [
            {
              id: 'a1',
              goalId: 'g1',
              kind: 'intervention',
              discipline: 'physiotherapy',
              description: 'Six physiotherapy sessions',
              ownerId: member('demo.physio'),
              dueOn: day(60),
              serviceId: null,
            },
          ],
          reviewOn: day(58),
        });
        at(30);
        await call('plans.agreeByMdt', {
          planId: draft.planId,
          revision: 1,
          attendeeIds: [member('demo.coordinator'), member('demo.physio')],
          checkedById: member('demo.physio'),
        });

        now = new Date(TEST_NOW);
        const dashboard = await call<Dashboard>('dashboard.get', RANGE);
        expect(dashboard.range).toEqual(RANGE);
        expect(dashboard.weeks[0]).toBe(weekStartOf(day(0)));
        expect(dashboard.referredInRange).toBe(4);
        const expectedReferrals = [
          { group: 'employer', key: weekStartOf(day(3)), count: 1 },
          { group: 'gp', key: weekStartOf(day(2)), count: 1 },
          { group: 'gp', key: weekStartOf(day(50)), count: 1 },
          { group: 'jobcentre_plus', key: weekStartOf(day(20)), count: 1 },
        ];
        expect(dashboard.referrals).toEqual(expectedReferrals);
        expect(dashboard.waits).toEqual([
          { wait: 'firstContact', targetDays: 5, reached: 3, withinTarget: 2, medianDays: 2, waitingOverTarget: 0, waitingWithinTarget: 1 },
          { wait: 'assessment', targetDays: 21, reached: 3, withinTarget: 2, medianDays: 10, waitingOverTarget: 0, waitingWithinTarget: 1 },
          { wait: 'planAgreed', targetDays: 42, reached: 1, withinTarget: 1, medianDays: 28, waitingOverTarget: 1, waitingWithinTarget: 2 },
        ]);
        expect(dashboard.funnel).toEqual([
          { status: 'referred', count: 1 },
          { status: 'ready_for_mdt', count: 2 },
          { status: 'active', count: 0 },
          { status: 'exited', count: 1 },
        ]);
        expect(dashboard.exitedInRange).toBe(2);
        expect(dashboard.outcomesByRoute).toEqual([
          { group: 'gp', key: 'not_in_work', count: 1 },
          { group: 'jobcentre_plus', key: 'returned_to_work', count: 1 },
        ]);
        expect(dashboard.outcomesByBarrier).toEqual([
          { group: 'mental_health', key: 'returned_to_work', count: 1 },
          { group: 'musculoskeletal', key: 'not_in_work', count: 1 },
        ]);
        // Eve only (Fay gave no evaluation consent), and one person is too few for means.
        expect(dashboard.measureChange).toEqual([
          { measure: 'phq9', people: 1, meanBaseline: null, meanFollowUp: null, lower: 1, same: 0, higher: 0 },
          { measure: 'gad7', people: 0, meanBaseline: null, meanFollowUp: null, lower: 0, same: 0, higher: 0 },
          { measure: 'wsas', people: 0, meanBaseline: null, meanFollowUp: null, lower: 0, same: 0, higher: 0 },
        ]);
        // Caseload per coach is the caseload's own count.
        const coaches = await call<{ items: Array<{ displayName: string; openCases: number }> }>('caseload.coaches', {});
        expect(dashboard.caseloadByCoach).toEqual(coaches.items.map((coach) => ({ coach: coach.displayName, openCases: coach.openCases })));

        // The targets are the partnership's: an administrator's change moves the figures.
        await signInAs('demo.admin');
        expect(await call('dashboard.get', RANGE)).toEqual(dashboard);
        const targets = await call<{ version: number }>('config.waitingTargets', {});
        expect(targets).toEqual({ targets: { firstContact: 5, assessment: 21, planAgreed: 42 }, version: 0 });
        await call('config.saveWaitingTargets', { targets: { firstContact: 1, assessment: 21, planAgreed: 42 }, version: 0 });
        const stricter = await call<Dashboard>('dashboard.get', RANGE);
        expect(stricter.waits[0]).toMatchObject({ targetDays: 1, withinTarget: 1, waitingOverTarget: 1, waitingWithinTarget: 0 });

        // Bad input changes nothing and says what is wrong; other roles are refused.
        const backwards = await services.dispatch('dashboard.get', { from: day(10), to: day(5) });
        expect(backwards.ok ? undefined : backwards.error.code).toBe('VALIDATION');
        const future = await services.dispatch('dashboard.get', { to: testDate(1) });
        expect(future.ok ? undefined : future.error.code).toBe('VALIDATION');
        const badTargets = await services.dispatch('config.saveWaitingTargets', {
          targets: { firstContact: 0, assessment: 21, planAgreed: 42 },
          version: 1,
        });
        expect(badTargets.ok ? undefined : badTargets.error.code).toBe('VALIDATION');
        const stale = await services.dispatch('config.saveWaitingTargets', {
          targets: { firstContact: 3, assessment: 21, planAgreed: 42 },
          version: 0,
        });
        expect(stale.ok ? undefined : stale.error.code).toBe('CONFLICT');
        expect(await call('config.waitingTargets', {})).toEqual({
          targets: { firstContact: 1, assessment: 21, planAgreed: 42 },
          version: 1,
        });
        await signInAs('demo.coach');
        const refused = await services.dispatch('dashboard.get', RANGE);
        expect(refused.ok ? undefined : refused.error.code).toBe('FORBIDDEN');
        await signInAs('demo.coordinator');
        const notTheirs = await services.dispatch('config.saveWaitingTargets', {
          targets: { firstContact: 3, assessment: 21, planAgreed: 42 },
          version: 1,
        });
        expect(notTheirs.ok ? undefined : notTheirs.error.code).toBe('FORBIDDEN');

        // Episodes (issue 20 item 4): Gus (GP) is reached a day after his referral and leaves; referred again
        // (employer) after leaving, his new episode is a new referral whose wait starts at it (4 days), and each
        // episode's exit counts its own outcome. Nobody else was referred or left in this later range.
        await signInAs('demo.coach');
        const gus = await register('Gus', 'gp', 61);
        await consent(gus, 'service', 'given', 61);
        await contact(gus, 62);
        await close(gus, 65, 'not_in_work');
        at(70);
        const again = referralCsvRow(1, {
          given_name: 'Gus',
          date_of_birth: '1984-03-02',
          family_name: 'Dashboard',
          nhs_number: '',
          referral_date: day(70),
          route: 'employer',
        });
        await call('referrals.import', { format: 'csv', text: referralCsv([again]) });
        const [waiting] = (await call<{ referrals: InboxEntry[] }>('referrals.list', { status: 'waiting' })).referrals;
        expect(await call('referrals.accept', { id: waiting?.id, version: waiting?.version, linkToParticipantId: gus })).toMatchObject({
          newEpisode: 2,
        });
        await contact(gus, 74);
        await close(gus, 80, 'returned_to_work');
        now = new Date(TEST_NOW);
        await signInAs('demo.coordinator');
        const episodes = await call<Dashboard>('dashboard.get', { from: day(60), to: day(100) });
        expect(episodes).toMatchObject({
          referredInRange: 2,
          referrals: [
            { group: 'employer', key: weekStartOf(day(70)), count: 1 },
            { group: 'gp', key: weekStartOf(day(61)), count: 1 },
          ],
          funnel: [
            { status: 'referred', count: 0 },
            { status: 'ready_for_mdt', count: 0 },
            { status: 'active', count: 0 },
            { status: 'exited', count: 2 },
          ],
          exitedInRange: 2,
          outcomesByRoute: [
            { group: 'employer', key: 'returned_to_work', count: 1 },
            { group: 'gp', key: 'not_in_work', count: 1 },
          ],
        });
        // The first-contact target is now 1 day: episode 1 within it, episode 2 (4 days after its own referral) over it.
        expect(episodes.waits[0]).toEqual({
          wait: 'firstContact',
          targetDays: 1,
          reached: 2,
          withinTarget: 1,
          medianDays: 2.5,
          waitingOverTarget: 0,
          waitingWithinTarget: 0,
        });
      } finally {
        await services.close();
      }
    },
  );
});
