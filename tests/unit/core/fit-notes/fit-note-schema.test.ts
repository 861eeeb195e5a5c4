import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../../../core/field-errors';
import { recordFitNoteInputSchema, type RecordFitNoteInput } from '../../../../core/schemas/fit-note';
import { testDate } from '../../../support/test-clock';

const valid: RecordFitNoteInput = {
  participantId: 'p1',
  issuedOn: testDate(-3),
  periodFrom: testDate(-3),
  periodTo: testDate(25),
  fitness: 'not_fit',
  reviewNeeded: true,
  issuerSetting: 'gp_practice',
  issuerProfession: 'doctor',
  fromConversation: false,
};

const problems = (input: Record<string, unknown>) => inputProblems(recordFitNoteInputSchema, input);

describe('the fit note schema (issue 20 item 2)', () => {
  it('takes a complete fit note, defaulting the advice to none and blank text to null', () => {
    expect(recordFitNoteInputSchema.parse({ ...valid, comments: '  ', issuerName: '' })).toMatchObject({
      categories: [],
      comments: null,
      issuerName: null,
      reviewNeeded: true,
    });
  });

  it('refuses an end before the start, and a date issued after today in London, each by its field', () => {
    expect(problems({ ...valid, periodTo: testDate(-4) })).toEqual({ periodTo: 'The end of the period must be on or after its start' });
    expect(problems({ ...valid, issuedOn: testDate(1) })).toEqual({ issuedOn: 'The date issued must be today or in the past' });
    // One day, and a note issued today, are fine; a period may start before the note was issued (backdated).
    expect(problems({ ...valid, issuedOn: testDate(0), periodFrom: testDate(-7), periodTo: testDate(-7) })).toEqual({});
  });

  it('takes "no end date (indefinite)" as an explicit null; an end left out altogether is still asked for', () => {
    expect(recordFitNoteInputSchema.parse({ ...valid, periodTo: null })).toMatchObject({ periodTo: null });
    const { periodTo: _left, ...withoutEnd } = valid;
    expect(Object.keys(problems(withoutEnd))).toEqual(['periodTo']);
  });

  it('names each missing answer and a date typed in part', () => {
    expect(
      problems({
        participantId: 'p1',
        issuedOn: '2026--6',
        periodFrom: '',
        periodTo: testDate(1),
      }),
    ).toEqual({
      issuedOn: 'The date must include a month',
      periodFrom: 'Enter a date',
      fitness: 'Choose not fit for work, or may be fit for work',
      reviewNeeded: 'Choose whether the issuer will need to assess them again',
      issuerSetting: 'Choose who issued the fit note',
      issuerProfession: 'Choose the issuer’s profession',
      fromConversation: 'Choose whether it came from a fit-note conversation',
    });
  });

  it('takes the may-be-fit advice only with "may be fit", each once', () => {
    expect(problems({ ...valid, fitness: 'may_be_fit', categories: ['phased_return', 'altered_hours'] })).toEqual({});
    expect(problems({ ...valid, categories: ['phased_return'] })).toEqual({
      categories: 'Untick the advice: it applies only when the person may be fit for work',
    });
    expect(problems({ ...valid, fitness: 'may_be_fit', categories: ['amended_duties', 'amended_duties'] })).toEqual({
      categories: 'Tick each kind of advice once',
    });
    expect(problems({ ...valid, fitness: 'may_be_fit', categories: ['weekends_off'] })).toHaveProperty(['categories.0']);
  });

  it('a correction needs its reason, and a reason needs a correction', () => {
    expect(problems({ ...valid, replacesId: 'f1' })).toEqual({ correctionReason: 'Enter why the earlier fit note is being corrected' });
    expect(problems({ ...valid, replacesId: 'f1', correctionReason: 'The end date was typed wrongly.' })).toEqual({});
    expect(problems({ ...valid, correctionReason: 'Why?' })).toEqual({
      correctionReason: 'A reason is only needed when correcting a fit note',
    });
  });

  it('refuses unknown keys and overlong text', () => {
    expect(recordFitNoteInputSchema.safeParse({ ...valid, diagnosis: 'x' }).success).toBe(false);
    expect(problems({ ...valid, comments: 'x'.repeat(1001) })).toEqual({ comments: 'The comments must be 1000 characters or fewer' });
  });
});
