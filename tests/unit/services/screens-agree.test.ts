import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { MISSING_ITEMS, type MissingItem } from '../../../core/schemas/meetings';
import type { AppServices } from '../../../services/app-services';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';

let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

/** The demo partnership under the fixed test clock, signed in as its coordinator (who triages). */
async function demoAsCoordinator(): Promise<AppServices> {
  services = (await demoFromTemplate()).services;
  value(await services.dispatch('session.lock', {}));
  value(await services.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
  return services;
}

type Page = { items: Array<{ id: string; nextReviewOn: string | null }>; nextCursor: string | null };
type Due = { items: Array<{ participantId: string; reviewOn: string; overdue: boolean }> };
type Queue = {
  items: Array<{ participantId: string; minimumData: { joinedUpAssessment: boolean; serviceConsent: boolean }; missing: MissingItem[] }>;
};

describe('screens that agree (issue 16, item 9)', () => {
  it('"Due for review" lists exactly the people the caseload\'s "Review due" filter shows, in the same order', async () => {
    const app = await demoAsCoordinator();
    const filter = { reviewDue: true };
    const { total } = value<{ total: number }>(await app.dispatch('participants.count', filter));
    const caseload: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const page: Page = value<Page>(await app.dispatch('participants.list', { ...filter, sort: 'nextReview', pageSize: 100, cursor }));
      caseload.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const due = value<Due>(await app.dispatch('plans.dueForReview', {})).items;

    // The demo has people whose review has passed; the list used to be empty while the filter showed them.
    expect(total).toBeGreaterThan(0);
    expect(due).toHaveLength(total);
    expect(due.map((item) => item.participantId)).toEqual(caseload.map((person) => person.id));
    expect(due.map((item) => item.reviewOn)).toEqual(caseload.map((person) => person.nextReviewOn));
  });

  it('triage calls a case ready only when its minimum data is complete, and says what the others are missing', async () => {
    const app = await demoAsCoordinator();
    const items = value<Queue>(await app.dispatch('triage.queue', {})).items;
    const ready = items.filter((item) => item.missing.length === 0);
    const notReady = items.filter((item) => item.missing.length > 0);

    expect(ready.length).toBeGreaterThan(0);
    expect(notReady.length).toBeGreaterThan(0);
    for (const item of ready) expect(item.minimumData).toEqual({ joinedUpAssessment: true, serviceConsent: true });
    for (const item of notReady) {
      const expected = [
        ...(item.minimumData.joinedUpAssessment ? [] : ['joined_up_assessment']),
        ...(item.minimumData.serviceConsent ? [] : ['service_consent']),
      ];
      expect(item.missing).toEqual(expected);
      for (const missing of item.missing) expect(MISSING_ITEMS).toContain(missing);
    }

    // The rule is the one that refuses a full discussion: a "not ready" case cannot be listed.
    const [first] = notReady;
    const meetings = value<{ meetings: Array<{ id: string; status: string }> }>(await app.dispatch('meetings.list', {})).meetings;
    const planned = meetings.find((meeting) => meeting.status === 'planned');
    expect(planned).toBeDefined();
    const refused = await app.dispatch('triage.decide', {
      participantId: first?.participantId,
      outcome: 'full_discussion',
      meetingId: planned?.id,
      note: '',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('cannot be listed for discussion yet') },
    });
  });
});
