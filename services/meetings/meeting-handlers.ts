import { signedInCaller, type Handlers } from '../handlers';
import { endMeeting } from './meeting-end';
import { meetingMinutes } from './meeting-minutes';
import { createMeeting, getMeeting, listAllMeetings, recordAttendance, reorderAgenda, saveCaseNotes } from './meeting-service';
import type { SessionHolder } from '../session-holder';
import { decideTriage, triageQueue } from './triage-service';

type MeetingChannels =
  | 'triage.queue'
  | 'triage.decide'
  | 'meetings.list'
  | 'meetings.create'
  | 'meetings.get'
  | 'meetings.reorderAgenda'
  | 'meetings.recordAttendance'
  | 'meetings.saveCaseNotes'
  | 'meetings.end'
  | 'meetings.minutes';

/** Triage, MDT meetings (agenda, attendance, live notes, roll-forward) and minutes. */
export function meetingHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, MeetingChannels> {
  return {
    'triage.queue': async () => triageQueue(session.require().store),
    'triage.decide': async (input, context) => decideTriage(session.require().store, input, signedInCaller(context), now()),
    'meetings.list': async () => listAllMeetings(session.require().store),
    'meetings.create': async (input, context) => createMeeting(session.require().store, input, signedInCaller(context), now()),
    'meetings.get': async ({ meetingId }) => getMeeting(session.require().store, meetingId),
    'meetings.reorderAgenda': async (input) => reorderAgenda(session.require().store, input),
    'meetings.recordAttendance': async (input) => recordAttendance(session.require().store, input),
    'meetings.saveCaseNotes': async (input, context) => saveCaseNotes(session.require().store, input, signedInCaller(context), now()),
    'meetings.end': async (input, context) => endMeeting(session.require().store, input, signedInCaller(context), now()),
    'meetings.minutes': async ({ meetingId }) => meetingMinutes(session.require().store, meetingId),
  };
}
