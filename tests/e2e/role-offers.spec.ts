import type { Page } from '@playwright/test';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import type { Role } from '../../core/roles';
import { canCall } from '../../renderer/can-call';
import { paletteScreens } from '../../renderer/navigation-links';
import { routeHref, SETTINGS_SECTIONS } from '../../renderer/routing';
import { signInAs } from './demo-sign-in';
import { expect, openApp, test } from './host-fixture';

/** What one screen offers: each enabled control or form marked with the channel it calls, and forms that say none. */
interface Offers {
  readonly offered: ReadonlyArray<{ readonly channel: string; readonly what: string }>;
  readonly unmarkedForms: readonly string[];
}

/**
 * Everything the screen offers now. A form that changes something must name its channel
 * (renderer/can-call.ts `offers`): a search form (role="search") only reads, so it need not.
 */
async function offersOnScreen(page: Page): Promise<Offers> {
  // Wait until the screen has loaded what it shows: its actions appear with the data.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 15_000 });
  // A record shows "Opening the record…" as its heading until it has loaded (then its sections and their actions).
  await expect(page.getByRole('heading', { level: 1, name: /^Opening/ })).toHaveCount(0, { timeout: 15_000 });
  // Some parts load on their own after the heading (the worklist's follow-ups, a meeting's team):
  // read until two looks a moment apart agree, so a busy machine cannot catch a screen half-drawn.
  let previous = await readOffers(page);
  for (let look = 0; look < 20; look += 1) {
    await page.waitForTimeout(250);
    const next = await readOffers(page);
    if (JSON.stringify(next) === JSON.stringify(previous)) return next;
    previous = next;
  }
  return previous;
}

/** The screen's offers as drawn at this moment. */
async function readOffers(page: Page): Promise<Offers> {
  return page.evaluate(() => {
    const shown = (element: Element) => element.getClientRects().length > 0;
    const describe = (element: Element) =>
      (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80) ||
      element.outerHTML.slice(0, 80);
    const offered = [...document.querySelectorAll('[data-channel]')]
      .filter(shown)
      .filter((element) => !(element instanceof HTMLButtonElement && element.disabled))
      .map((element) => ({ channel: element.getAttribute('data-channel') ?? '', what: describe(element) }));
    const unmarkedForms = [...document.querySelectorAll('form:not([data-channel]):not([role="search"])')].filter(shown).map(describe);
    return { offered, unmarkedForms };
  });
}

test('every screen, as every role, offers only actions the contract lets that role take', async ({ page, host }) => {
  test.setTimeout(240_000);
  const users: ReadonlyArray<{ username: string; role: Role }> = [
    { username: DEMO_PARTNERSHIP.adminUsername, role: 'administrator' },
    ...DEMO_PARTNERSHIP.otherUsers,
  ];
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  // Creating the demo (keys for six users, 240 people) takes a few seconds on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });
  // A record to walk as everyone: the first person on the caseload.
  const person = await page.getByTestId('caseload-table').getByRole('link').first().getAttribute('href');
  expect(person).toMatch(/^#\/participants\//);
  // And a meeting to walk: today's demo meeting, its agenda and meeting mode (attendance first, then a live case).
  await page.evaluate(() => {
    window.location.hash = '#/meetings';
  });
  const meetingHref = await page.getByTestId('meetings-table').getByRole('link').first().getAttribute('href');
  const meetingId = /^#\/meetings\/([A-Za-z0-9-]+)$/.exec(meetingHref ?? '')?.[1] ?? '';
  expect(meetingId).not.toBe('');

  const problems: string[] = [];
  const seen = new Map<Role, Set<string>>();
  for (const { username, role } of users) {
    if (username !== DEMO_PARTNERSHIP.adminUsername) await signInAs(page, username);
    const screens = [
      ...paletteScreens(role).map((screen) => ({ label: screen.label, href: routeHref(screen.route) })),
      ...(canCall('config.saveDiscipline', role)
        ? SETTINGS_SECTIONS.map((section) => ({ label: `Settings: ${section}`, href: routeHref({ name: 'settings-section', section }) }))
        : []),
      { label: 'A participant record', href: person ?? '' },
      { label: 'A meeting’s agenda', href: routeHref({ name: 'meeting', id: meetingId, view: 'agenda' }) },
      { label: 'Meeting mode', href: routeHref({ name: 'meeting', id: meetingId, view: 'live' }) },
    ];
    const channels = new Set<string>();
    for (const screen of screens) {
      await page.evaluate((href) => {
        window.location.hash = href;
      }, screen.href);
      const { offered, unmarkedForms } = await offersOnScreen(page);
      for (const { channel, what } of offered) {
        channels.add(channel);
        if (!canCall(channel as Parameters<typeof canCall>[0], role))
          problems.push(`${role} on ${screen.label}: offered "${what}" (${channel})`);
      }
      for (const form of unmarkedForms) problems.push(`${role} on ${screen.label}: a form that names no channel: "${form}"`);
    }
    seen.set(role, channels);
    // The chair opens the meeting once walked, so everyone after walks a live case with its plan table.
    if (role === 'coordinator') {
      await page.getByRole('button', { name: 'Record attendance and start' }).click();
      await expect(page.getByTestId('meeting-live')).toBeVisible();
      const live = await offersOnScreen(page);
      for (const { channel, what } of live.offered) {
        channels.add(channel);
        if (!canCall(channel as Parameters<typeof canCall>[0], role))
          problems.push(`${role} on a live case: offered "${what}" (${channel})`);
      }
    }
  }
  expect(problems).toEqual([]);
  // The walk saw what each role should be offered, so it cannot pass by seeing nothing.
  expect([...(seen.get('coach') ?? [])]).toContain('consents.record');
  expect([...(seen.get('administrator') ?? [])]).toContain('backup.create');
  // The referral inbox (coordinators and coaches) and its eligibility rules (administrators) are walked too.
  expect([...(seen.get('coach') ?? [])]).toContain('referrals.import');
  expect([...(seen.get('administrator') ?? [])]).toContain('config.saveEligibility');
  expect([...(seen.get('administrator') ?? [])]).not.toContain('referrals.import');
  expect([...(seen.get('occupational_therapist') ?? [])]).toContain('measures.record');
  expect([...(seen.get('occupational_therapist') ?? [])]).not.toContain('consents.record');
  // Meetings and plans: the chair plans, triages, takes attendance and ends; a clinician in the room works on the plan only.
  expect([...(seen.get('coordinator') ?? [])]).toEqual(
    expect.arrayContaining(['meetings.create', 'triage.decide', 'meetings.recordAttendance', 'meetings.end']),
  );
  expect([...(seen.get('occupational_therapist') ?? [])]).toContain('plans.saveDraft');
  for (const refused of ['meetings.create', 'triage.decide', 'meetings.recordAttendance', 'meetings.end'])
    expect([...(seen.get('occupational_therapist') ?? [])]).not.toContain(refused);
});
