import { describe, expect, it } from 'vitest';
import type { ParticipantPage, ParticipantSummary } from '../../../core/schemas/participants';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { testReferral } from '../../support/test-referral';

type Dispatch = Awaited<ReturnType<typeof demoWithPerson>>['services']['dispatch'];

/** Every page after the first, following `nextCursor`; then back again with `previousCursor`. */
async function walk(dispatch: Dispatch, input: Record<string, unknown>) {
  const pages: ParticipantPage[] = [value<ParticipantPage>(await dispatch('participants.list', input))];
  for (let last = pages[0]; last?.nextCursor; last = pages[pages.length - 1]) {
    pages.push(value<ParticipantPage>(await dispatch('participants.list', { ...input, cursor: last.nextCursor })));
  }
  const backwards: ParticipantPage[] = [];
  for (let current = pages[pages.length - 1]; current?.previousCursor; current = backwards[backwards.length - 1]) {
    backwards.push(value<ParticipantPage>(await dispatch('participants.list', { ...input, cursor: current.previousCursor })));
  }
  return { pages, backwards, items: pages.flatMap((page) => page.items) };
}

const byName = (a: ParticipantSummary, b: ParticipantSummary) =>
  a.familyName < b.familyName
    ? -1
    : a.familyName > b.familyName
      ? 1
      : a.givenName < b.givenName
        ? -1
        : a.givenName > b.givenName
          ? 1
          : a.id < b.id
            ? -1
            : 1;

describe('the caseload', () => {
  it('pages by keyset through everyone in name order, and back again to the same pages', async () => {
    const { services } = await demoWithPerson();
    expect(value<{ total: number }>(await services.dispatch('participants.count', {})).total).toBe(241);
    const { pages, backwards, items } = await walk(services.dispatch, { pageSize: 50 });
    expect(pages.map((page) => page.items.length)).toEqual([50, 50, 50, 50, 41]);
    expect(new Set(items.map((item) => item.id)).size).toBe(241);
    expect(items).toEqual([...items].sort(byName));
    expect(pages[0]?.previousCursor).toBeNull();
    expect(pages[4]?.nextCursor).toBeNull();
    // Previous from the last page gives pages 4, 3, 2, 1 exactly, and page 1 says it is the first.
    expect(backwards.map((page) => page.items.map((item) => item.id))).toEqual(
      pages
        .slice(0, 4)
        .reverse()
        .map((page) => page.items.map((item) => item.id)),
    );
    expect(backwards[3]?.previousCursor).toBeNull();
    await services.close();
  });

  it('sorts by next review (soonest first, none last) and by referral date (newest first)', async () => {
    const { services } = await demoWithPerson();
    const review = (await walk(services.dispatch, { sort: 'nextReview', pageSize: 60 })).items;
    expect(review).toHaveLength(241);
    const dates = review.map((item) => item.nextReviewOn ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
    expect(review[0]?.nextReviewOn).not.toBeNull();
    expect(review[240]?.nextReviewOn).toBeNull();
    const referred = (await walk(services.dispatch, { sort: 'referralDate', pageSize: 60 })).items;
    const referralDates = referred.map((item) => item.referredOn ?? '');
    expect(referralDates).toEqual([...referralDates].sort().reverse());
    // The registered person's referral date comes from their referral (kept by a trigger).
    expect(referred.find((item) => item.familyName === 'Testperson')?.referredOn).toBe('2026-11-02');
    await services.close();
  });

  it('finds people by any word of their name, by NHS number with or without spaces, and by reference', async () => {
    const { services } = await demoWithPerson();
    const { id, reference } = value<{ id: string; reference: string }>(
      await services.dispatch(
        'participants.register',
        testReferral({ person: { givenName: 'Zofia', familyName: 'Quintero-Blake', nhsNumber: '999 876 5404' } }),
      ),
    );
    const found = async (search: string) =>
      value<ParticipantPage>(await services.dispatch('participants.list', { search })).items.map((item) => item.id);
    for (const search of [
      'zofia',
      'ZOF',
      'quin',
      'blake',
      'Zofia Quintero',
      'quintero-blake',
      '9998765404',
      '999 876 5404',
      '9998765',
      reference,
      reference.toLowerCase(),
    ]) {
      expect(await found(search), search).toEqual([id]);
    }
    // The bare number of a reference finds them too (among anyone whose NHS number has that group).
    expect(await found(String(Number(reference.slice(3))))).toContain(id);
    expect(value<{ total: number }>(await services.dispatch('participants.count', { search: 'quintero' })).total).toBe(1);
    expect(await found('zofia smith')).toEqual([]);
    // FTS5 syntax typed by someone is only ever text: nothing breaks, nothing extra matches.
    for (const search of ['"', 'zof*', 'NEAR(zofia', 'zofia OR smith', "o'", '-', '()']) {
      expect((await services.dispatch('participants.list', { search })).ok, search).toBe(true);
    }
    expect(await found('zofia OR smith')).toEqual([]);
    await services.close();
  });

  it('filters by status, ready for MDT, coach, review due and open risk flag, and the count agrees', async () => {
    const { services, id, signInAs } = await demoWithPerson({ clock: () => new Date('2026-11-20T10:00:00Z') });
    const all = (await walk(services.dispatch, { pageSize: 200 })).items;
    const check = async (filter: Record<string, unknown>, expected: (item: ParticipantSummary) => boolean) => {
      const items = (await walk(services.dispatch, { ...filter, pageSize: 30 })).items;
      expect(items.map((item) => item.id).sort(), JSON.stringify(filter)).toEqual(
        all
          .filter(expected)
          .map((item) => item.id)
          .sort(),
      );
      expect(value<{ total: number }>(await services.dispatch('participants.count', filter)).total).toBe(items.length);
      return items;
    };
    expect((await check({ status: 'active' }, (item) => item.status === 'active')).length).toBeGreaterThan(20);
    await check({ readyForMdt: true }, (item) => item.status === 'ready_for_mdt');
    await check({ readyForMdt: true, status: 'exited' }, () => false);
    expect(
      (await check({ reviewDue: true }, (item) => item.nextReviewOn !== null && item.nextReviewOn <= '2026-11-20')).length,
    ).toBeGreaterThan(0);

    const coaches = value<{ items: Array<{ userId: string; displayName: string; openCases: number }> }>(
      await services.dispatch('caseload.coaches', {}),
    ).items;
    expect(coaches).toEqual([{ userId: expect.any(String), displayName: 'Demo Coach', openCases: expect.any(Number) }]);
    const coached = await walk(services.dispatch, { coachUserId: coaches[0]?.userId, sort: 'nextReview', pageSize: 30 });
    expect(coached.items.length).toBeGreaterThan(100);
    // The chooser's count (issue 20 item 5) is the coach's caseload less those who have exited.
    expect(coaches[0]?.openCases).toBe(coached.items.filter((item) => item.status !== 'exited').length);
    expect(value<{ total: number }>(await services.dispatch('participants.count', { coachUserId: 'nobody' })).total).toBe(0);

    // The demo's MDT-ready cases include people with a flag already; the new person has none yet.
    const flaggedBefore = (await check({ openRiskFlag: true }, (item) => item.hasOpenRiskFlag)).map((item) => item.id);
    expect(flaggedBefore).not.toContain(id);
    await signInAs('demo.coach');
    value(
      await services.dispatch('measures.record', {
        participantId: id,
        discipline: 'employment_support',
        takenOn: '2026-11-05',
        response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 0, 0, 1] },
      }),
    );
    const flagged = (await walk(services.dispatch, { openRiskFlag: true, pageSize: 30 })).items;
    expect(flagged.map((item) => item.id).sort()).toEqual([...flaggedBefore, id].sort());
    expect(flagged.find((item) => item.id === id)?.hasOpenRiskFlag).toBe(true);
    const record = value<{ openRiskFlags: Array<{ id: string }> }>(await services.dispatch('participants.get', { id }));
    await signInAs('demo.mh');
    value(
      await services.dispatch('riskFlags.acknowledge', {
        flagId: record.openRiskFlags[0]?.id ?? '',
        action: 'safety_plan_agreed',
        note: 'Called the same day; safety plan agreed.',
      }),
    );
    expect((await walk(services.dispatch, { openRiskFlag: true, pageSize: 30 })).items.map((item) => item.id).sort()).toEqual(
      [...flaggedBefore].sort(),
    );
    await services.close();
  });

  it('"Open cases" lists every status but exited, with search and the other filters, in every sort, and the count agrees', async () => {
    const { services, id } = await demoWithPerson();
    const ids = (items: readonly ParticipantSummary[]) => items.map((item) => item.id);
    const count = async (filter: Record<string, unknown>) =>
      value<{ total: number }>(await services.dispatch('participants.count', filter)).total;
    const all = (await walk(services.dispatch, { pageSize: 200 })).items;
    const exited = all.filter((item) => item.status === 'exited');
    const notExited = all.filter((item) => item.status !== 'exited');
    expect(exited.length).toBeGreaterThan(0);

    const open = await walk(services.dispatch, { status: 'open', pageSize: 30 });
    expect(ids(open.items)).toEqual(ids(notExited));
    expect(new Set(open.items.map((item) => item.status))).toEqual(new Set(notExited.map((item) => item.status)));
    // Previous pages come back the same as they went.
    expect(open.backwards.map((page) => ids(page.items))).toEqual(
      open.pages
        .slice(0, -1)
        .reverse()
        .map((page) => ids(page.items)),
    );
    expect(await count({ status: 'open' })).toBe(notExited.length);
    const byReview = (await walk(services.dispatch, { status: 'open', sort: 'nextReview', pageSize: 40 })).items;
    expect(ids(byReview).sort()).toEqual(ids(notExited).sort());

    // With the coach filter, ready for MDT (an open status), and a search.
    const coaches = value<{ items: Array<{ userId: string; openCases: number }> }>(await services.dispatch('caseload.coaches', {})).items;
    const coach = coaches[0]?.userId;
    expect(await count({ status: 'open', coachUserId: coach })).toBe(coaches[0]?.openCases);
    const ready = (await walk(services.dispatch, { status: 'open', readyForMdt: true, pageSize: 30 })).items;
    expect(ids(ready)).toEqual(ids(all.filter((item) => item.status === 'ready_for_mdt')));
    const leaver = exited[0] as ParticipantSummary;
    const search = `${leaver.givenName} ${leaver.familyName}`;
    const found = async (filter: Record<string, unknown>) =>
      ids(value<ParticipantPage>(await services.dispatch('participants.list', { search, ...filter })).items);
    expect(await found({})).toContain(leaver.id);
    expect(await found({ status: 'open' })).not.toContain(leaver.id);
    expect(await found({ status: 'exited' })).toContain(leaver.id);
    expect(await count({ status: 'open', search: 'Testperson' })).toBe(1);
    expect(
      ids(value<ParticipantPage>(await services.dispatch('participants.list', { status: 'open', search: 'Testperson' })).items),
    ).toEqual([id]);
    expect(await services.dispatch('participants.list', { status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { status: expect.any(String) } },
    });
    await services.close();
  });

  it('refuses a cursor that is malformed or belongs to another sort, and over-long search text', async () => {
    const { services } = await demoWithPerson();
    const first = value<ParticipantPage>(await services.dispatch('participants.list', { pageSize: 10 }));
    expect(await services.dispatch('participants.list', { cursor: 'not a cursor' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { cursor: expect.any(String) } },
    });
    expect(await services.dispatch('participants.list', { sort: 'nextReview', cursor: first.nextCursor })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const forged = Buffer.from(JSON.stringify({ s: 'name', d: 'a', k: [1, 2, 3] })).toString('base64url');
    expect(await services.dispatch('participants.list', { cursor: forged })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await services.dispatch('participants.list', { search: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { search: expect.any(String) } },
    });
    await services.close();
  });
});
