import { useEffect, useMemo, useRef, useState } from 'react';
import { formatNhsNumber } from '../../core/nhs-number';
import type { Role } from '../../core/roles';
import type { ParticipantSummary } from '../../core/schemas/participants';
import { useApi } from '../api/api-context';
import { canCall } from '../can-call';
import { paletteScreens } from '../navigation-links';
import { routeHref, type Route } from '../routing';

/** Anything that opens the palette (the navigation's button) sends this event; Ctrl+K does too. */
export const OPEN_PALETTE_EVENT = 'workwell:open-palette';
/** Fewest characters before people are searched: one letter matches half the caseload. */
const MIN_SEARCH_LENGTH = 2;
const PEOPLE_SHOWN = 6;
const SEARCH_DELAY_MS = 200;

interface Match {
  readonly key: string;
  readonly label: string;
  readonly hint: string;
  readonly route: Route;
}

function personMatch(person: ParticipantSummary): Match {
  const nhs = person.nhsNumber === null ? '' : ` · NHS ${formatNhsNumber(person.nhsNumber)}`;
  return {
    key: `person-${person.id}`,
    label: `${person.familyName.toUpperCase()}, ${person.givenName}`,
    hint: `${person.reference}${nhs}`,
    route: { name: 'participant', id: person.id },
  };
}

/**
 * Ctrl+K (or Cmd+K) anywhere in the unlocked app: go to a person by name, NHS number or reference
 * (the caseload's own search), or to any screen the role may use. A combobox with a list of
 * matches: arrows move, Enter goes, Escape closes and gives focus back where it was.
 */
export function CommandPalette({ role }: { role: Role }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [people, setPeople] = useState<readonly ParticipantSummary[]>([]);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const screens = useMemo(() => paletteScreens(role), [role]);
  const maySearchPeople = canCall('participants.list', role);

  useEffect(() => {
    const show = () => {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setText('');
      setPeople([]);
      setActive(0);
      setOpen(true);
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyK') {
        event.preventDefault();
        show();
      }
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, show);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, show);
    };
  }, []);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  // People, a moment after typing stops; an answer to older text is dropped.
  useEffect(() => {
    const search = text.trim();
    if (!open || !maySearchPeople || search.length < MIN_SEARCH_LENGTH) {
      setPeople([]);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.call('participants.list', { search, pageSize: PEOPLE_SHOWN }).then((result) => {
        if (current) setPeople(result.ok ? result.value.items : []);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, open, text, maySearchPeople]);

  const needle = text.trim().toLowerCase();
  const matches: Match[] = [
    ...people.map(personMatch),
    ...screens
      .filter((screen) => screen.label.toLowerCase().includes(needle))
      .map((screen) => ({ key: `screen-${screen.label}`, label: screen.label, hint: 'Screen', route: screen.route })),
  ];
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  if (!open) return null;

  const close = () => {
    setOpen(false);
    returnFocus.current?.focus();
  };
  const go = (match: Match | undefined) => {
    if (match === undefined) return;
    setOpen(false);
    window.location.hash = routeHref(match.route);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((activeIndex + 1) % Math.max(1, matches.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((activeIndex - 1 + matches.length) % Math.max(1, matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(matches[activeIndex]);
    }
  };

  return (
    <div className="ww-palette" role="dialog" aria-modal="true" aria-labelledby="palette-heading" onKeyDown={onKeyDown}>
      <h2 className="nhsuk-heading-s" id="palette-heading">
        Go to
      </h2>
      <label className="nhsuk-label" htmlFor="palette-input">
        A person (name, NHS number or reference) or a screen
      </label>
      <input
        id="palette-input"
        ref={input}
        className="nhsuk-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={matches.length > 0}
        aria-controls={matches.length > 0 ? 'palette-matches' : undefined}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `palette-match-${activeIndex}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
      />
      {matches.length > 0 && (
        <ul className="ww-palette__matches" id="palette-matches" role="listbox" aria-label="Matches">
          {matches.map((match, index) => (
            <li
              key={match.key}
              id={`palette-match-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'ww-palette__match ww-palette__match--active' : 'ww-palette__match'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(match)}
            >
              <span className="ww-palette__label">{match.label}</span> <span className="ww-palette__hint">{match.hint}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="nhsuk-u-visually-hidden" role="status">
        {matches.length === 0 ? 'No matches' : `${matches.length} matches`}
      </p>
      <p className="nhsuk-body-s ww-palette__keys">Up and down arrows choose, Enter goes, Escape closes.</p>
    </div>
  );
}
