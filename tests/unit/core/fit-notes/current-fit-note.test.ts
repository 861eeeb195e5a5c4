import { describe, expect, it } from 'vitest';
import { currentFitNote, currentFitNoteLine, fitNoteIssuerLabel, fitNoteSummary } from '../../../../core/fit-notes/current-fit-note';
import type { FitNote } from '../../../../core/schemas/fit-note';

const TODAY = '2026-11-20';

function note(overrides: Partial<FitNote> & Pick<FitNote, 'id'>): FitNote {
  return {
    participantId: 'p1',
    issuedOn: '2026-11-02',
    periodFrom: '2026-11-02',
    periodTo: '2026-11-30',
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
    recordedBy: 'Demo Coach',
    recordedAt: '2026-11-03T10:00:00.000Z',
    ...overrides,
  };
}

describe('the current fit note and its plain line (issue 16 item 3)', () => {
  it('reads as the issue asks: "Not fit for work from 2 November 2026 to 30 November 2026 · GP"', () => {
    expect(fitNoteSummary(note({ id: 'a' }))).toBe('Not fit for work from 2 November 2026 to 30 November 2026 · GP');
    expect(
      fitNoteSummary(
        note({
          id: 'b',
          fitness: 'may_be_fit',
          categories: ['phased_return', 'amended_duties'],
          issuerSetting: 'workwell',
          issuerProfession: 'physiotherapist',
          issuerName: 'Sam Physio',
        }),
      ),
    ).toBe(
      'May be fit for work (phased return to work, amended duties) from 2 November 2026 to 30 November 2026 · WorkWell physiotherapist (Sam Physio)',
    );
  });

  it('names the issuer by setting and profession', () => {
    const label = (issuerSetting: FitNote['issuerSetting'], issuerProfession: FitNote['issuerProfession']) =>
      fitNoteIssuerLabel({ issuerSetting, issuerProfession, issuerName: null });
    expect([
      label('gp_practice', 'doctor'),
      label('gp_practice', 'nurse'),
      label('hospital', 'doctor'),
      label('other', 'pharmacist'),
    ]).toEqual(['GP', 'GP practice nurse', 'Hospital doctor', 'Pharmacist']);
  });

  it('picks the note in force today, else the next to start, else the last to end; a corrected note never', () => {
    const ended = note({ id: 'ended', periodFrom: '2026-10-01', periodTo: '2026-10-31' });
    const inForce = note({ id: 'now', periodFrom: '2026-11-02', periodTo: '2026-11-30' });
    const later = note({ id: 'later', periodFrom: '2026-12-01', periodTo: '2026-12-31' });
    expect(currentFitNote([ended, inForce, later], TODAY)).toEqual({ note: inForce, timing: 'in_force' });
    expect(currentFitNote([ended, later], TODAY)).toEqual({ note: later, timing: 'not_started' });
    expect(currentFitNote([ended], TODAY)).toEqual({ note: ended, timing: 'ended' });
    expect(currentFitNote([], TODAY)).toBeNull();
    // Corrected: the correction counts, the original (kept in the record) does not.
    const corrected = note({ id: 'old', replacedById: 'fix' });
    const correction = note({ id: 'fix', periodTo: '2026-11-25', replacesId: 'old', correctionReason: 'Wrong end date.' });
    expect(currentFitNote([corrected, correction], TODAY)?.note.id).toBe('fix');
    expect(currentFitNote([corrected], TODAY)).toBeNull();
  });

  it('of two notes covering today, the later to start; says when the current one has ended or not started', () => {
    const first = note({ id: 'first', periodFrom: '2026-11-02', periodTo: '2026-11-30' });
    const second = note({ id: 'second', periodFrom: '2026-11-16', periodTo: '2026-12-13', fitness: 'may_be_fit' });
    expect(currentFitNote([first, second], TODAY)?.note.id).toBe('second');
    expect(currentFitNoteLine({ note: first, timing: 'ended' })).toBe(
      'Not fit for work from 2 November 2026 to 30 November 2026 · GP (ended)',
    );
    expect(currentFitNoteLine({ note: first, timing: 'not_started' })).toMatch(/\(not started yet\)$/);
    expect(currentFitNoteLine({ note: first, timing: 'in_force' })).toBe(fitNoteSummary(first));
  });

  it('a fit note with no end date is in force from its start on, reads "no end date", and never counts as ended', () => {
    const indefinite = note({ id: 'open', periodFrom: '2026-06-01', periodTo: null });
    const ended = note({ id: 'ended', periodFrom: '2026-10-01', periodTo: '2026-10-31' });
    expect(currentFitNote([ended, indefinite], TODAY)).toEqual({ note: indefinite, timing: 'in_force' });
    expect(currentFitNote([indefinite], '2030-01-01')).toEqual({ note: indefinite, timing: 'in_force' });
    expect(currentFitNote([indefinite], '2026-05-31')).toEqual({ note: indefinite, timing: 'not_started' });
    // A later note with an end date, covering today, is the one the team sees first.
    const later = note({ id: 'later', periodFrom: '2026-11-16', periodTo: '2026-12-13', fitness: 'may_be_fit' });
    expect(currentFitNote([indefinite, later], TODAY)?.note.id).toBe('later');
    expect(fitNoteSummary(note({ id: 'dec', periodFrom: '2026-12-02', periodTo: null }))).toBe(
      'Not fit for work from 2 December 2026, no end date · GP',
    );
  });
});
