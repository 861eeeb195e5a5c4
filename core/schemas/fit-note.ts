import { z } from 'zod';
import { ADJUSTMENT_CATEGORIES } from '../adjustments/adjustment-library';
import { todayInLondon } from '../clock';
import { isoDateSchema, optionalText } from '../text-schemas';

const idSchema = z.string().min(1).max(64);

/** The fit note's (Med3) advice: not fit for work, or may be fit for work taking account of the advice. */
export const FIT_NOTE_FITNESS = ['not_fit', 'may_be_fit'] as const;
export type FitNoteFitness = (typeof FIT_NOTE_FITNESS)[number];
export const FIT_NOTE_FITNESS_LABELS: Readonly<Record<FitNoteFitness, string>> = {
  not_fit: 'Not fit for work',
  may_be_fit: 'May be fit for work',
};

/**
 * Where the fit note was issued: the person's GP practice, the WorkWell team itself (a fit-note
 * trailblazer's clinician), a hospital, or elsewhere (an urgent treatment centre, a walk-in clinic).
 */
export const FIT_NOTE_ISSUER_SETTINGS = ['gp_practice', 'workwell', 'hospital', 'other'] as const;
export type FitNoteIssuerSetting = (typeof FIT_NOTE_ISSUER_SETTINGS)[number];
export const FIT_NOTE_ISSUER_SETTING_LABELS: Readonly<Record<FitNoteIssuerSetting, string>> = {
  gp_practice: 'GP practice',
  workwell: 'WorkWell clinician',
  hospital: 'Hospital',
  other: 'Somewhere else',
};

/**
 * The professions that may legally certify a fit note in England (since July 2022: doctors, and
 * registered nurses, pharmacists, occupational therapists and physiotherapists); the note carries
 * the issuer's profession (../shared/domain.md, "Fit note and workplace adjustments").
 */
export const FIT_NOTE_PROFESSIONS = ['doctor', 'nurse', 'pharmacist', 'occupational_therapist', 'physiotherapist'] as const;
export type FitNoteProfession = (typeof FIT_NOTE_PROFESSIONS)[number];
export const FIT_NOTE_PROFESSION_LABELS: Readonly<Record<FitNoteProfession, string>> = {
  doctor: 'Doctor',
  nurse: 'Nurse',
  pharmacist: 'Pharmacist',
  occupational_therapist: 'Occupational therapist',
  physiotherapist: 'Physiotherapist',
};

/** A yes-or-no question of the form: a boolean, with the message to show when it was not answered. */
const answeredSchema = (message: string) => z.boolean({ error: message });

/**
 * Recording one fit note as it reads (append-only: a correction is a new fit note naming the one it
 * replaces, with the reason; the old one stays readable). The period runs from `periodFrom` to
 * `periodTo` inclusive: a fit note that says "for 4 weeks" is recorded as the dates it covers. A fit
 * note with no end date (after six months of sickness one may be issued "indefinitely") is recorded
 * with `periodTo: null`, an explicit answer: leaving the end out altogether is refused. The date
 * issued cannot be in the future (today in London, by the injected clock).
 */
export const recordFitNoteInputShape = z.strictObject({
  participantId: idSchema,
  issuedOn: isoDateSchema.refine((value) => value <= todayInLondon(), 'The date issued must be today or in the past'),
  periodFrom: isoDateSchema,
  /** The last day it covers, or null for "no end date (indefinite)". */
  periodTo: isoDateSchema.nullable(),
  fitness: z.enum(FIT_NOTE_FITNESS, { error: 'Choose not fit for work, or may be fit for work' }),
  /** The "may be fit" advice ticked on the note: only with "may be fit". */
  categories: z.array(z.enum(ADJUSTMENT_CATEGORIES)).max(ADJUSTMENT_CATEGORIES.length).default([]),
  comments: optionalText(1000, 'The comments'),
  reviewNeeded: answeredSchema('Choose whether the issuer will need to assess them again'),
  issuerSetting: z.enum(FIT_NOTE_ISSUER_SETTINGS, { error: 'Choose who issued the fit note' }),
  issuerProfession: z.enum(FIT_NOTE_PROFESSIONS, { error: 'Choose the issuer’s profession' }),
  issuerName: optionalText(200, 'The issuer’s name'),
  fromConversation: answeredSchema('Choose whether it came from a fit-note conversation'),
  /** The fit note this one corrects: it stays readable, marked as replaced. */
  replacesId: idSchema.optional(),
  correctionReason: optionalText(500, 'The reason for the correction'),
});

function refineFitNote(note: z.infer<typeof recordFitNoteInputShape>, context: z.RefinementCtx): void {
  if (note.periodTo !== null && note.periodTo < note.periodFrom)
    context.addIssue({ code: 'custom', path: ['periodTo'], message: 'The end of the period must be on or after its start' });
  if (note.fitness === 'not_fit' && note.categories.length > 0)
    context.addIssue({
      code: 'custom',
      path: ['categories'],
      message: 'Untick the advice: it applies only when the person may be fit for work',
    });
  if (new Set(note.categories).size !== note.categories.length)
    context.addIssue({ code: 'custom', path: ['categories'], message: 'Tick each kind of advice once' });
  if (note.replacesId !== undefined && note.correctionReason === null)
    context.addIssue({ code: 'custom', path: ['correctionReason'], message: 'Enter why the earlier fit note is being corrected' });
  if (note.replacesId === undefined && note.correctionReason !== null)
    context.addIssue({ code: 'custom', path: ['correctionReason'], message: 'A reason is only needed when correcting a fit note' });
}

export const recordFitNoteInputSchema = recordFitNoteInputShape.superRefine(refineFitNote);
export type RecordFitNoteInput = z.input<typeof recordFitNoteInputSchema>;

/** One recorded fit note as the record shows it. */
export const fitNoteSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  issuedOn: z.string(),
  periodFrom: z.string(),
  /** Null: no end date (indefinite). */
  periodTo: z.string().nullable(),
  fitness: z.enum(FIT_NOTE_FITNESS),
  categories: z.array(z.enum(ADJUSTMENT_CATEGORIES)),
  comments: z.string().nullable(),
  reviewNeeded: z.boolean(),
  issuerSetting: z.enum(FIT_NOTE_ISSUER_SETTINGS),
  issuerProfession: z.enum(FIT_NOTE_PROFESSIONS),
  issuerName: z.string().nullable(),
  fromConversation: z.boolean(),
  replacesId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  /** The later fit note that corrects this one, or null while it stands. */
  replacedById: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type FitNote = z.infer<typeof fitNoteSchema>;
