import { z } from 'zod';
import type { Role } from '../roles';
import { ALL_ROLES } from '../roles';
import {
  createMeetingInputSchema,
  endMeetingOutputSchema,
  meetingIdInputSchema,
  meetingListSchema,
  meetingMinutesSchema,
  meetingSchema,
  recordAttendanceInputSchema,
  reorderAgendaInputSchema,
  saveCaseNotesInputSchema,
  triageDecisionInputSchema,
  triageQueueSchema,
} from '../schemas/meetings';
import { emptyInputSchema, emptyOutputSchema } from '../schemas/session';
import type { ChannelDefinition } from './channel-definition';

/** The MDT coordinator / chair: triages cases and organises and runs meetings. */
const ORGANISER_ROLES: readonly Role[] = ['coordinator'];

/** Everyone who sits in the MDT: they read the queue and may type the live notes. */
const MEETING_ROLES: readonly Role[] = ['coordinator', 'coach', 'physiotherapist', 'mental_health_practitioner', 'occupational_therapist'];

/**
 * The channels of triage, meetings and minutes, spread into the contract.
 */
export const meetingsContract = {
  'triage.queue': {
    summary: 'People ready for the MDT, with their minimum data, complexity, triage decision and listing',
    input: emptyInputSchema,
    output: triageQueueSchema,
    access: MEETING_ROLES,
    audit: { action: 'search' },
  },
  'triage.decide': {
    summary: 'Sort a case: full discussion (listed on a meeting; needs the minimum data), not ready (what is missing) or standard plan',
    input: triageDecisionInputSchema,
    output: z.object({ agendaItemId: z.string().nullable() }),
    access: ORGANISER_ROLES,
    audit: { action: 'edit', person: { input: 'participantId' } },
  },
  'meetings.list': {
    summary: 'Every MDT meeting, newest first',
    input: emptyInputSchema,
    output: meetingListSchema,
    access: ALL_ROLES,
    audit: { action: 'search' },
  },
  'meetings.create': {
    summary: 'Plan a meeting: date, start time, chair, expected attendees and minutes per case',
    input: createMeetingInputSchema,
    output: z.object({ id: z.string() }),
    access: ORGANISER_ROLES,
    audit: { action: 'create' },
  },
  'meetings.get': {
    summary: 'One meeting with its agenda in order, attendance and the live notes on each case',
    input: meetingIdInputSchema,
    output: meetingSchema,
    access: MEETING_ROLES,
    audit: { action: 'view' },
  },
  'meetings.reorderAgenda': {
    summary: 'Put the agenda in a new order (every item, in order)',
    input: reorderAgendaInputSchema,
    output: emptyOutputSchema,
    access: ORGANISER_ROLES,
    audit: { action: 'edit' },
  },
  'meetings.recordAttendance': {
    summary: 'Record who is present at the meeting',
    input: recordAttendanceInputSchema,
    output: emptyOutputSchema,
    access: ORGANISER_ROLES,
    audit: { action: 'edit' },
  },
  'meetings.saveCaseNotes': {
    summary: 'Save the live discussion notes and decisions on one case (a stale version is a conflict)',
    input: saveCaseNotesInputSchema,
    output: z.object({ version: z.number().int().positive() }),
    access: MEETING_ROLES,
    audit: { action: 'edit', person: { input: 'itemId', record: 'agendaItem' } },
  },
  'meetings.end': {
    summary: 'End the meeting: cases not reached roll forward to the next meeting; the minutes are locked',
    input: meetingIdInputSchema,
    output: endMeetingOutputSchema,
    access: ORGANISER_ROLES,
    audit: { action: 'sign' },
  },
  'meetings.minutes': {
    summary: 'The minutes: attendance, and per case the notes, decisions and the plan agreed with owners and due dates',
    input: meetingIdInputSchema,
    output: meetingMinutesSchema,
    // Case notes, decisions and plans are clinical: administrators are not sent them (issue 18, least privilege).
    access: MEETING_ROLES,
    audit: { action: 'view' },
  },
} as const satisfies Record<string, ChannelDefinition>;
