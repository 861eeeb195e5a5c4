import { useRef, useState } from 'react';
import { ADJUSTMENT_CATEGORY_LABELS } from '../../../core/adjustments/adjustment-library';
import { todayInLondon } from '../../../core/clock';
import { currentFitNote, currentFitNoteLine, fitNoteIssuerLabel } from '../../../core/fit-notes/current-fit-note';
import { FIT_NOTE_FITNESS_LABELS, type FitNote } from '../../../core/schemas/fit-note';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { canCall, offers, whoMay } from '../../can-call';
import { ListTable } from '../../components/list-table';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { FitNoteForm } from './fit-note-form';

/** What the fit note advises, in words: "Not fit for work", or "May be fit for work: altered hours". */
function adviceText(note: FitNote): string {
  if (note.fitness === 'not_fit' || note.categories.length === 0) return FIT_NOTE_FITNESS_LABELS[note.fitness];
  return `${FIT_NOTE_FITNESS_LABELS[note.fitness]}: ${note.categories.map((category) => ADJUSTMENT_CATEGORY_LABELS[category].toLowerCase()).join(', ')}`;
}

/** The period as the table shows it: "2 Nov 2026 to 30 Nov 2026", or "2 Dec 2026, no end date (indefinite)". */
function periodText(note: FitNote): string {
  return note.periodTo === null
    ? `${formatDate(note.periodFrom)}, no end date (indefinite)`
    : `${formatDate(note.periodFrom)} to ${formatDate(note.periodTo)}`;
}

/** One fit note's details under its row: comments, review, conversation, who recorded it, and any correction. */
function FitNoteDetails({ note, notes }: { note: FitNote; notes: readonly FitNote[] }) {
  const replaces = note.replacesId === null ? undefined : notes.find((other) => other.id === note.replacesId);
  return (
    <>
      {note.comments !== null && <div>Comments: {note.comments}</div>}
      <div className="ww-secondary-text">
        {note.reviewNeeded ? 'The issuer will assess them again.' : 'The issuer will not need to assess them again.'}{' '}
        {note.fromConversation ? 'From a fit-note conversation.' : ''} Recorded by {note.recordedBy}, {formatDateTime(note.recordedAt)}.
      </div>
      {replaces !== undefined && (
        <div className="ww-secondary-text">
          Corrects the entry for {periodText(replaces)}: {note.correctionReason}
        </div>
      )}
      {note.replacedById !== null && <strong className="nhsuk-tag nhsuk-tag--grey">Corrected by a later entry</strong>}
    </>
  );
}

/**
 * "Fit notes" on the person's record (issue 20 item 2): the fit note that matters today in one plain
 * line, every fit note recorded (corrected ones stay, marked), and, for the roles that may, a form
 * to record one or correct one. Administrators are not sent fit notes, so never reach this section.
 */
export function FitNotesSection({ record, onChanged }: { record: ParticipantRecord; onChanged: () => void }) {
  const { user } = useSession();
  const mayRecord = canCall('fitNotes.record', user.role);
  const [editing, setEditing] = useState<{ correcting?: FitNote } | undefined>(undefined);
  const notes = record.fitNotes;
  const current = currentFitNote(notes, todayInLondon());
  const heading = useRef<HTMLHeadingElement>(null);
  // The form's buttons go with it: focus returns to the section's heading, not to the top of the page.
  const close = () => {
    setEditing(undefined);
    heading.current?.focus();
  };
  const done = () => {
    close();
    onChanged();
  };
  const table = {
    caption: 'Every fit note recorded, newest period first',
    testId: 'fit-notes-table',
    rows: notes,
    rowKey: (note: FitNote) => note.id,
    columns: [
      { header: 'Period', rowHeader: true, cell: periodText },
      {
        header: 'Advice',
        cell: (note: FitNote) => (
          <>
            {adviceText(note)}
            <FitNoteDetails note={note} notes={notes} />
          </>
        ),
      },
      {
        header: 'Issued',
        cell: (note: FitNote) => (
          <>
            {formatDate(note.issuedOn)}
            <div className="ww-secondary-text">{fitNoteIssuerLabel(note)}</div>
          </>
        ),
      },
    ],
  };
  return (
    <section aria-labelledby="fit-notes-section" data-testid="fit-notes-section">
      <h2 className="nhsuk-heading-m" id="fit-notes-section" tabIndex={-1} ref={heading}>
        Fit notes
      </h2>
      {current === null ? (
        <p>
          No fit note recorded.
          {record.employment.status === 'off_sick_fit_note' ? ' At referral they were off sick with a fit note: record it here.' : ''}
        </p>
      ) : (
        <p className="nhsuk-inset-text" data-testid="current-fit-note">
          <strong>{current.timing === 'in_force' ? 'Current fit note: ' : 'Latest fit note: '}</strong>
          {currentFitNoteLine(current)}
        </p>
      )}
      {notes.length > 0 &&
        (mayRecord ? (
          <ListTable
            {...table}
            actions={[
              {
                label: 'Correct',
                channel: 'fitNotes.record',
                shownFor: (note) => note.replacedById === null && editing === undefined,
                onClick: (note) => setEditing({ correcting: note }),
              },
            ]}
            rowName={(note) => `the fit note from ${formatDate(note.periodFrom)}`}
          />
        ) : (
          <ListTable {...table} />
        ))}
      {!mayRecord && <p className="nhsuk-inset-text">Only the {whoMay('fitNotes.record')} can record fit notes.</p>}
      {mayRecord && editing === undefined && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          {...offers('fitNotes.record')}
          onClick={() => setEditing({})}
        >
          Record a fit note
        </button>
      )}
      {editing !== undefined && <FitNoteForm participantId={record.id} correcting={editing.correcting} onDone={done} onCancel={close} />}
    </section>
  );
}
