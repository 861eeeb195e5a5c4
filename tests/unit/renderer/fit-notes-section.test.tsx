// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, formatCalendarDate } from '../../../core/calendar-date';
import type { Channel } from '../../../core/channels';
import { ROLES, type Role } from '../../../core/roles';
import type { FitNote } from '../../../core/schemas/fit-note';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import type { ApiClient } from '../../../renderer/api/api-client';
import { ApiProvider } from '../../../renderer/api/api-context';
import { canCall, whoMay } from '../../../renderer/can-call';
import { CasePersonDetails } from '../../../renderer/screens/meetings/case-person-details';
import { FitNoteForm } from '../../../renderer/screens/participants/fit-note-form';
import { FitNotesSection } from '../../../renderer/screens/participants/fit-notes-section';
import { SessionContext } from '../../../renderer/session-context';
import { TEST_TODAY } from '../../support/test-clock';

/** A static render never calls the contract. */
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

const from = addDaysToIsoDate(TEST_TODAY, -4);
const to = addDaysToIsoDate(TEST_TODAY, 24);
const note: FitNote = {
  id: 'f1',
  participantId: 'p1',
  issuedOn: from,
  periodFrom: from,
  periodTo: to,
  fitness: 'not_fit',
  categories: [],
  comments: null,
  reviewNeeded: true,
  issuerSetting: 'gp_practice',
  issuerProfession: 'doctor',
  issuerName: null,
  fromConversation: false,
  replacesId: null,
  correctionReason: null,
  replacedById: null,
  recordedBy: 'Synthetic Coach',
  recordedAt: `${from}T10:00:00.000Z`,
};
// Only what the section and the case details read; the rest of the record plays no part.
const record = {
  id: 'p1',
  dateOfBirth: '1980-01-01',
  coach: null,
  referrals: [],
  employment: { status: 'off_sick_fit_note', jobTitle: null, employerName: null },
  fitNotes: [note],
} as unknown as ParticipantRecord;
const line = `Not fit for work from ${formatCalendarDate(from)} to ${formatCalendarDate(to)} · GP`;

describe('fit notes on the record and in meeting mode (issue 20 item 2, issue 16 item 3)', () => {
  it.each(ROLES)('%s is offered recording a fit note only if the contract lets it', (role) => {
    const html = renderAs(role, <FitNotesSection record={record} onChanged={() => undefined} />);
    expect(html).toContain(`Current fit note: </strong>${line}`);
    const offered = [...html.matchAll(/data-channel="([^"]+)"/g)].map((match) => match[1]);
    for (const channel of offered) expect(canCall(channel as Channel, role), channel).toBe(true);
    if (canCall('fitNotes.record', role)) expect(offered).toContain('fitNotes.record');
    else expect(html).toContain(`Only the ${whoMay('fitNotes.record')} can record fit notes.`);
  });

  it('meeting mode shows the current fit note’s status and dates, and what the referral said when none is recorded', () => {
    const withNote = renderAs('coordinator', <CasePersonDetails person={record} fitNotes={record.fitNotes} />);
    expect(withNote).toContain(line);
    expect(withNote).not.toContain('dates not recorded');
    const without = renderAs('coordinator', <CasePersonDetails person={record} fitNotes={[]} />);
    expect(without).toContain('Off sick with a fit note at referral; none recorded yet');
  });

  it('a fit note with no end date reads "no end date" on the record and in meeting mode; the form offers it as a choice', () => {
    const open: FitNote = { ...note, id: 'f2', periodTo: null };
    const openRecord = { ...record, fitNotes: [open] } as ParticipantRecord;
    const section = renderAs('coordinator', <FitNotesSection record={openRecord} onChanged={() => undefined} />);
    expect(section).toContain(`Current fit note: </strong>Not fit for work from ${formatCalendarDate(from)}, no end date · GP`);
    expect(section).toContain('no end date (indefinite)');
    expect(renderAs('coordinator', <CasePersonDetails person={openRecord} fitNotes={openRecord.fitNotes} />)).toContain(
      `from ${formatCalendarDate(from)}, no end date`,
    );
    const form = renderAs(
      'coordinator',
      <FitNoteForm participantId="p1" correcting={open} onDone={() => undefined} onCancel={() => undefined} />,
    );
    expect(form).toMatch(/<input[^>]*id="fit-note-no-end"[^>]*checked=""/);
    expect(form).toContain('No end date (indefinite)');
    // Ticked, the end date is not asked for.
    expect(form).toContain('id="fit-note-from-date"');
    expect(form).not.toContain('id="fit-note-to-date"');
  });
});
