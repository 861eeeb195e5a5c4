import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dropAgendaItem, moveAgendaItem } from '../../../core/meetings/agenda-order';
import { AGENDA_ITEM_STATUS_LABELS, type AgendaItem } from '../../../core/schemas/meetings';
import { routeHref } from '../../routing';
import { ComplexityTags } from './complexity-tags';

export interface AgendaListProps {
  readonly items: readonly AgendaItem[];
  /** Whether the agenda may be reordered here (a planned meeting, by the coordinator). */
  readonly reorderable: boolean;
  /** Saves a new order; resolves with an error message if it was refused. */
  readonly onReorder: (itemIds: string[]) => Promise<string | undefined>;
}

const personName = (item: AgendaItem) => `${item.familyName.toUpperCase()}, ${item.givenName}`;

/**
 * The agenda in order. Reorder by dragging a case onto another's place, or from the keyboard: the
 * Move up / Move down buttons, or Alt+Up / Alt+Down on a focused case. Every move is announced in
 * a live region and focus stays on the case that moved.
 */
export function AgendaList({ items, reorderable, onReorder }: AgendaListProps) {
  const [order, setOrder] = useState<string[]>(() => items.map((item) => item.id));
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [dragged, setDragged] = useState<string | undefined>(undefined);
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; target: 'row' | 'up' | 'down' } | undefined>(undefined);
  const rows = useRef(new Map<string, HTMLLIElement>());

  useEffect(() => setOrder(items.map((item) => item.id)), [items]);
  useEffect(() => {
    if (focusAfterMove === undefined) return;
    const row = rows.current.get(focusAfterMove.id);
    const button = focusAfterMove.target === 'row' ? null : row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.target}"]:not([disabled])`);
    (button ?? row)?.focus();
    setFocusAfterMove(undefined);
  }, [order, focusAfterMove]);

  const byId = new Map(items.map((item) => [item.id, item]));
  const apply = async (next: string[], movedId: string, target: 'row' | 'up' | 'down') => {
    if (next.join() === order.join()) return;
    const previous = order;
    setOrder(next);
    setFocusAfterMove({ id: movedId, target });
    const moved = byId.get(movedId);
    if (moved !== undefined) setAnnouncement(`${personName(moved)} moved to position ${next.indexOf(movedId) + 1} of ${next.length}.`);
    const refused = await onReorder(next);
    setError(refused);
    if (refused !== undefined) setOrder(previous);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (!reorderable || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void apply(moveAgendaItem(order, id, event.key === 'ArrowUp' ? -1 : 1), id, 'row');
  };

  return (
    <>
      {reorderable && (
        <p className="nhsuk-hint" id="agenda-reorder-hint">
          Complex cases come first. To change the order, drag a case onto another, use Move up and Move down, or focus a case and press Alt and the up or down arrow.
        </p>
      )}
      {error !== undefined && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ol className="ww-agenda" data-testid="agenda">
        {order.map((id, index) => {
          const item = byId.get(id);
          if (item === undefined) return null;
          return (
            <li
              key={id}
              ref={(element) => {
                if (element === null) rows.current.delete(id);
                else rows.current.set(id, element);
              }}
              className={`ww-agenda__item${dragged === id ? ' ww-agenda__item--dragged' : ''}`}
              tabIndex={reorderable ? 0 : undefined}
              aria-describedby={reorderable ? 'agenda-reorder-hint' : undefined}
              aria-label={`${index + 1}. ${personName(item)}`}
              draggable={reorderable}
              onKeyDown={(event) => onKeyDown(event, id)}
              onDragStart={(event) => {
                setDragged(id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', id);
              }}
              onDragEnd={() => setDragged(undefined)}
              onDragOver={(event) => {
                if (dragged !== undefined) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== undefined) void apply(dropAgendaItem(order, dragged, id), dragged, 'row');
                setDragged(undefined);
              }}
            >
              <span className="ww-agenda__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="ww-agenda__person">
                <a href={routeHref({ name: 'participant', id: item.participantId })}>{personName(item)}</a> <span className="ww-secondary-text">{item.reference}</span>
                <br />
                <ComplexityTags complexity={item.complexity} />
                {item.carriedOver && <strong className="nhsuk-tag nhsuk-tag--yellow">Carried over</strong>}
                {item.status !== 'listed' && <strong className="nhsuk-tag nhsuk-tag--grey">{AGENDA_ITEM_STATUS_LABELS[item.status]}</strong>}
              </span>
              {reorderable && (
                <span className="ww-agenda__moves">
                  <button type="button" data-move="up" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" disabled={index === 0} onClick={() => void apply(moveAgendaItem(order, id, -1), id, 'up')}>
                    Move up<span className="nhsuk-u-visually-hidden"> {personName(item)}</span>
                  </button>
                  <button type="button" data-move="down" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" disabled={index === order.length - 1} onClick={() => void apply(moveAgendaItem(order, id, 1), id, 'down')}>
                    Move down<span className="nhsuk-u-visually-hidden"> {personName(item)}</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
