import type { ResumePoint } from '../core/schemas/resume-point';

/** Where meeting mode is: the case on screen and the seconds spent on each case. */
export interface MeetingPlace {
  readonly caseId?: string | undefined;
  readonly timers: Readonly<Record<string, number>>;
}

// Module state, not React state: the lock warning reads it from outside the meeting screen, and
// nothing here is clinical (ids and seconds).
let current: MeetingPlace | undefined;
let restored: MeetingPlace | undefined;

/** Meeting mode reports its place as it changes, for the resume point saved before an idle lock. */
export function rememberMeetingPlace(place: MeetingPlace): void {
  current = place;
}

/** Meeting mode has closed: there is no meeting place to keep. */
export function forgetMeetingPlace(): void {
  current = undefined;
}

/** The place to save when the lock warning shows: this screen's address and meeting mode's place, if open. */
export function placeToSave(hash: string): ResumePoint {
  return {
    route: hash.startsWith('#/') ? hash : '#/',
    ...(current?.caseId === undefined ? {} : { caseId: current.caseId }),
    timers: { ...(current?.timers ?? {}) },
  };
}

/** After unlock: the place the services kept, for meeting mode to open at. */
export function restorePlace(point: ResumePoint): void {
  restored = { caseId: point.caseId, timers: point.timers };
}

/** Meeting mode's restored place, once. */
export function takeRestoredMeetingPlace(): MeetingPlace | undefined {
  const place = restored;
  restored = undefined;
  return place;
}
