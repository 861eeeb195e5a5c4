import { useState } from 'react';
import type { AgendaItem } from '../../../core/schemas/meetings';
import { WINDOWED_AGENDA_FROM } from './agenda-list';
import { agendaPersonName } from './agenda-row';

/** On a long agenda, how many cases either side of the current one get a button. */
const CHIPS_EITHER_SIDE = 7;

export interface AgendaChipsProps {
  readonly agenda: readonly AgendaItem[];
  readonly currentIndex: number;
  /** Whether a case has notes, decisions or a plan agreed at this meeting. */
  readonly recorded: (item: AgendaItem) => boolean;
  readonly onGoTo: (index: number) => void;
}

/**
 * Meeting mode's row of cases, one button each. On a long agenda (hundreds of cases) only the
 * cases around the current one have buttons, and "Go to case" reaches any other, so the page
 * stays light however long the meeting.
 */
export function AgendaChips({ agenda, currentIndex, recorded, onGoTo }: AgendaChipsProps) {
  const long = agenda.length >= WINDOWED_AGENDA_FROM;
  const width = 2 * CHIPS_EITHER_SIDE + 1;
  const from = long ? Math.max(0, Math.min(currentIndex - CHIPS_EITHER_SIDE, agenda.length - width)) : 0;
  const to = long ? Math.min(agenda.length, from + width) : agenda.length;
  return (
    <nav aria-label="Cases on the agenda" className="ww-live__agenda">
      {long && (
        <GoToCase key={currentIndex} agenda={agenda} currentIndex={currentIndex} recorded={recorded} onGoTo={onGoTo} shown={{ from, to }} />
      )}
      <ol start={from + 1}>
        {agenda.slice(from, to).map((candidate, offset) => {
          const position = from + offset;
          const current = position === currentIndex;
          return (
            <li key={candidate.id}>
              <button
                type="button"
                className={`ww-live__chip${current ? ' ww-live__chip--current' : ''}`}
                aria-current={current ? 'step' : undefined}
                onClick={() => onGoTo(position)}
              >
                {position + 1}. {agendaPersonName(candidate)}
                {recorded(candidate) && <span className="ww-live__done"> (notes taken)</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** A list of every case and a button: choosing moves nothing until Go is pressed, so arrowing through the list is safe. */
function GoToCase({
  agenda,
  currentIndex,
  recorded,
  onGoTo,
  shown,
}: AgendaChipsProps & { readonly shown: { readonly from: number; readonly to: number } }) {
  const [chosen, setChosen] = useState(currentIndex);
  return (
    <div className="ww-live__go-to">
      <label className="nhsuk-label" htmlFor="live-go-to">
        Go to case{' '}
        <span className="ww-secondary-text">
          (showing {shown.from + 1} to {shown.to} of {agenda.length})
        </span>
      </label>
      <select id="live-go-to" className="nhsuk-select" value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
        {agenda.map((candidate, position) => (
          <option key={candidate.id} value={position}>
            {position + 1}. {agendaPersonName(candidate)}
            {recorded(candidate) ? ' (notes taken)' : ''}
          </option>
        ))}
      </select>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => onGoTo(chosen)}>
        Go
      </button>
    </div>
  );
}
