// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../core/channels';
import { ROLES, type Role } from '../../../core/roles';
import { CONSENT_PURPOSES, type ConsentPurpose, type ConsentRecord } from '../../../core/schemas/consent';
import type { ApiClient } from '../../../renderer/api/api-client';
import { ApiProvider } from '../../../renderer/api/api-context';
import { canCall, whoMay } from '../../../renderer/can-call';
import { EmployerViewPreview } from '../../../renderer/screens/adjustments/employer-view-preview';
import { MeetingsScreen } from '../../../renderer/screens/meetings/meetings-screen';
import { TriageScreen } from '../../../renderer/screens/meetings/triage-screen';
import { ConsentPanel } from '../../../renderer/screens/participants/consent-panel';
import { SessionContext } from '../../../renderer/session-context';

/** A static render never calls the contract; a call would be a bug, so it fails loudly. */
const unused: ApiClient = { call: () => Promise.reject(new Error('a static render makes no calls')) };

function renderAs(role: Role, element: ReactNode): string {
  const session = {
    partnershipName: 'Synthetic partnership',
    isDemo: true,
    user: { userId: 'u1', username: 'synthetic.user', displayName: 'Synthetic User', role },
    lock: () => undefined,
  };
  return renderToStaticMarkup(
    <ApiProvider client={unused}>
      <SessionContext.Provider value={session}>{element}</SessionContext.Provider>
    </ApiProvider>,
  );
}

/** The channels of the enabled controls and forms in the markup (renderer/can-call.ts `offers`). */
function offeredChannels(html: string): string[] {
  return [...html.matchAll(/<(form|button)\b([^>]*)>/g)]
    .filter(([, tag, attributes]) => tag === 'form' || !/\sdisabled=""/.test(attributes ?? ''))
    .map(([, , attributes]) => /data-channel="([^"]+)"/.exec(attributes ?? '')?.[1])
    .filter((channel): channel is string => channel !== undefined);
}

const given: ConsentRecord = {
  id: 'c1',
  purpose: 'share_employer',
  decision: 'given',
  date: '2026-12-01',
  method: 'verbal',
  recordedBy: 'Synthetic Coach',
  recordedAt: '2026-12-01T10:00:00.000Z',
  withdrawnOn: null,
  withdrawnBy: null,
};
const someConsent = Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, purpose === 'share_employer' ? given : null])) as Record<
  ConsentPurpose,
  ConsentRecord | null
>;

describe('the record offers each role only the consent and employer actions its contract allows', () => {
  it.each(ROLES)('%s is offered nothing the contract would refuse', (role) => {
    const html = renderAs(role, <ConsentPanel participantId="p1" current={someConsent} onChanged={() => undefined} />);
    const preview = renderAs(role, <EmployerViewPreview participantId="p1" refreshKey="k" consentInForce={false} />);
    for (const channel of [...offeredChannels(html), ...offeredChannels(preview)])
      expect(canCall(channel as Channel, role), channel).toBe(true);
  });

  it('offers recording and withdrawal to the coach, and explains who may to the OT instead', () => {
    const coach = renderAs('coach', <ConsentPanel participantId="p1" current={someConsent} onChanged={() => undefined} />);
    expect(offeredChannels(coach)).toEqual(expect.arrayContaining(['consents.record', 'consents.withdraw']));
    const ot = renderAs('occupational_therapist', <ConsentPanel participantId="p1" current={someConsent} onChanged={() => undefined} />);
    expect(offeredChannels(ot)).toEqual([]);
    expect(ot).toContain(`Only the ${whoMay('consents.record')} can record or withdraw consent.`);
    expect(whoMay('consents.record')).toBe('Administrator, MDT coordinator / chair or Work and Health Coach');
  });

  it('disables the employer letter downloads, saying why, while consent to share is not in force', () => {
    const blocked = renderAs('occupational_therapist', <EmployerViewPreview participantId="p1" refreshKey="k" consentInForce={false} />);
    expect(offeredChannels(blocked)).not.toContain('documents.employerLetterPdf');
    expect(blocked).toContain('has not consented to sharing with the employer');
    const allowed = renderAs('occupational_therapist', <EmployerViewPreview participantId="p1" refreshKey="k" consentInForce />);
    expect(offeredChannels(allowed)).toContain('documents.employerLetterPdf');
  });
});

/** Every channel marked in the markup, enabled or not (a button waiting for its data is still offered). */
function markedChannels(html: string): string[] {
  return [...html.matchAll(/data-channel="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('the meetings and triage screens offer planning and triage only to the roles the contract allows', () => {
  it.each(ROLES)('%s is shown "Plan a meeting" and triage only if it may call them, and told who may otherwise', (role) => {
    const meetings = renderAs(role, <MeetingsScreen />);
    const triage = renderAs(role, <TriageScreen />);
    for (const channel of [...markedChannels(meetings), ...markedChannels(triage)])
      expect(canCall(channel as Channel, role), channel).toBe(true);
    expect(markedChannels(meetings).includes('meetings.create')).toBe(canCall('meetings.create', role));
    expect(meetings.includes(`Only the ${whoMay('meetings.create')} can plan a meeting.`)).toBe(!canCall('meetings.create', role));
    expect(triage.includes(`Only the ${whoMay('triage.decide')} can triage a case`)).toBe(!canCall('triage.decide', role));
  });
});
