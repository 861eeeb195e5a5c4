import { z } from 'zod';

/** The most case timers one meeting keeps (an agenda's cases); more is not a meeting. */
const MAX_TIMERS = 500;

/**
 * Where a person was when the idle lock (or the OS lock screen) closed the store: the screen's
 * address and the meeting's case timers. No clinical text: notes are saved to the store as they
 * are typed, and flushed when the lock warning shows.
 */
export const resumePointSchema = z.strictObject({
  /** The screen's URL fragment, e.g. `#/meetings/<id>/live?case=<id>`. */
  route: z
    .string()
    .max(300, 'The screen address is too long')
    .regex(/^#\/[\w\-/?=&.%]*$/, 'Not a screen of this app'),
  /** The agenda item meeting mode was on, by its id. */
  caseId: z.string().max(64).optional(),
  /** Seconds spent on each agenda item, by its id. */
  timers: z
    .record(z.string().max(64), z.number().int().min(0).max(86_400))
    .refine((timers) => Object.keys(timers).length <= MAX_TIMERS, `At most ${MAX_TIMERS} case timers`),
});
export type ResumePoint = z.infer<typeof resumePointSchema>;

export const takenResumePointSchema = z.object({ resumePoint: resumePointSchema.nullable() });
