import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import {
  appStatusSchema,
  createPartnershipInputSchema,
  emptyInputSchema,
  emptyOutputSchema,
  signedInUserSchema,
  unlockInputSchema,
} from '../schemas/session';
import { resumePointSchema, takenResumePointSchema } from '../schemas/resume-point';
import type { ChannelDefinition } from './channel-definition';

/** First run, unlocking and locking: the channels that open and close the store. */
export const sessionContract = {
  'app.status': {
    summary: 'Whether the store needs setting up, is locked, or is unlocked and by whom',
    input: emptyInputSchema,
    output: appStatusSchema,
    access: 'public',
    audit: { action: null },
  },
  'setup.createPartnership': {
    summary: 'First run: create the partnership, its encrypted store and the first administrator',
    input: createPartnershipInputSchema,
    // The recovery key is returned this once, to be shown and written down.
    output: signedInUserSchema.extend({ recoveryKey: z.string().optional() }),
    access: 'public',
    audit: { action: 'configure' },
  },
  'setup.createDemoPartnership': {
    summary: 'First run: create a demo partnership filled with synthetic people',
    input: emptyInputSchema,
    output: signedInUserSchema,
    access: 'public',
    audit: { action: 'configure' },
  },
  'session.unlock': {
    summary: 'Unwrap the data key with a user passphrase and open the store',
    input: unlockInputSchema,
    output: signedInUserSchema,
    access: 'public',
    audit: { action: 'sign_in' },
  },
  'session.lock': {
    summary: 'Close the store and forget the data key',
    input: emptyInputSchema,
    output: emptyOutputSchema,
    access: ALL_ROLES,
    audit: { action: 'lock' },
  },
  'session.saveResumePoint': {
    summary: 'Before the idle lock: remember the screen and the meeting timers, to return to after unlock',
    input: resumePointSchema,
    output: emptyOutputSchema,
    access: ALL_ROLES,
    audit: { action: null },
  },
  'session.takeResumePoint': {
    summary: 'After unlock: where the idle lock interrupted this user, once (then forgotten)',
    input: emptyInputSchema,
    output: takenResumePointSchema,
    access: ALL_ROLES,
    audit: { action: null },
  },
} as const satisfies Record<string, ChannelDefinition>;
