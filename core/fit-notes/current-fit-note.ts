import { ADJUSTMENT_CATEGORY_LABELS } from '../adjustments/adjustment-library';
import { formatCalendarDate } from '../calendar-date';
import { FIT_NOTE_FITNESS_LABELS, FIT_NOTE_PROFESSION_LABELS, type FitNote } from '../schemas/fit-note';

/** Where the fit note that matters today stands: in force today, not started yet, or ended. */
export type FitNoteTiming = 'in_force' | 'not_started' | 'ended';

export interface CurrentFitNote {
  readonly note: FitNote;
  readonly timing: FitNoteTiming;
}

/** Later of two notes by period start, then date issued, then when recorded. */
function newer(left: FitNote, right: FitNote): boolean {
  return (
    left.periodFrom > right.periodFrom ||
    (left.periodFrom === right.periodFrom &&
      (left.issuedOn > right.issuedOn || (left.issuedOn === right.issuedOn && left.recordedAt > right.recordedAt)))
  );
}

/** Whether `note` covers `day` (YYYY-MM-DD): from its start, to its end inclusive, or on and on with no end date. */
export function fitNoteCovers(note: Pick<FitNote, 'periodFrom' | 'periodTo'>, day: string): boolean {
  return note.periodFrom <= day && (note.periodTo === null || day <= note.periodTo);
}

/**
 * The fit note the team should see first on `today` (YYYY-MM-DD in London), among those not
 * corrected by a later entry: the one covering today (the latest to start if two overlap; a note
 * with no end date covers every day from its start); else the next to start; else the last to have
 * ended. Null when none is recorded.
 */
export function currentFitNote(notes: readonly FitNote[], today: string): CurrentFitNote | null {
  const standing = notes.filter((note) => note.replacedById === null);
  const pick = <Note extends FitNote>(candidates: Note[], better: (left: Note, right: Note) => boolean) =>
    candidates.reduce<Note | undefined>((best, note) => (best === undefined || better(note, best) ? note : best), undefined);
  const inForce = pick(
    standing.filter((note) => fitNoteCovers(note, today)),
    newer,
  );
  if (inForce !== undefined) return { note: inForce, timing: 'in_force' };
  const next = pick(
    standing.filter((note) => note.periodFrom > today),
    (left, right) => left.periodFrom < right.periodFrom,
  );
  if (next !== undefined) return { note: next, timing: 'not_started' };
  // Only a note with an end date can have ended: one with none and started already is in force above.
  const ended = standing.filter((note): note is FitNote & { periodTo: string } => note.periodTo !== null && note.periodTo < today);
  const last = pick(ended, (left, right) => left.periodTo > right.periodTo || (left.periodTo === right.periodTo && newer(left, right)));
  return last === undefined ? null : { note: last, timing: 'ended' };
}

/** Who issued it, in a few words: "GP", "GP practice nurse", "WorkWell physiotherapist", "Hospital doctor". */
export function fitNoteIssuerLabel(note: Pick<FitNote, 'issuerSetting' | 'issuerProfession' | 'issuerName'>): string {
  const profession = FIT_NOTE_PROFESSION_LABELS[note.issuerProfession];
  const lower = profession.toLowerCase();
  const who =
    note.issuerSetting === 'gp_practice'
      ? note.issuerProfession === 'doctor'
        ? 'GP'
        : `GP practice ${lower}`
      : note.issuerSetting === 'workwell'
        ? `WorkWell ${lower}`
        : note.issuerSetting === 'hospital'
          ? `Hospital ${lower}`
          : profession;
  return note.issuerName === null ? who : `${who} (${note.issuerName})`;
}

/** The period in words: "from 2 November 2026 to 30 November 2026", or "from 2 December 2026, no end date". */
export function fitNotePeriodText(note: Pick<FitNote, 'periodFrom' | 'periodTo'>): string {
  const from = `from ${formatCalendarDate(note.periodFrom)}`;
  return note.periodTo === null ? `${from}, no end date` : `${from} to ${formatCalendarDate(note.periodTo)}`;
}

/**
 * The fit note in one plain line: "Not fit for work from 2 November 2026 to 30 November 2026 · GP"
 * ("from 2 December 2026, no end date" when it has none); "may be fit" names the advice ticked
 * ("May be fit for work (phased return to work, altered hours) from ...").
 */
export function fitNoteSummary(note: FitNote): string {
  const advice =
    note.fitness === 'may_be_fit' && note.categories.length > 0
      ? ` (${note.categories.map((category) => ADJUSTMENT_CATEGORY_LABELS[category].toLowerCase()).join(', ')})`
      : '';
  return `${FIT_NOTE_FITNESS_LABELS[note.fitness]}${advice} ${fitNotePeriodText(note)} · ${fitNoteIssuerLabel(note)}`;
}

/** The current fit note's line with where it stands: nothing added while in force, "(ended)" or "(not started yet)" otherwise. */
export function currentFitNoteLine(current: CurrentFitNote): string {
  const suffix = current.timing === 'ended' ? ' (ended)' : current.timing === 'not_started' ? ' (not started yet)' : '';
  return `${fitNoteSummary(current.note)}${suffix}`;
}
