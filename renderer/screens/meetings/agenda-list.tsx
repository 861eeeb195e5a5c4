import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dropAgendaItem, moveAgendaItem } from '../../../core/meetings/agenda-order';
import type { AgendaItem } from '../../../core/schemas/meetings';
import { agendaPersonName, AgendaRow } from './agenda-row';

export interface AgendaListProps {
  readonly items: readonly AgendaItem[];
  /** Whether the agenda may be reordered here (a planned meeting, by the coordinator). */
  readonly reorderable: boolean;
  /** Saves a new order; resolves with an error message if it was refused. */
  readonly onReorder: (itemIds: string[]) => Promise<string | undefined>;
}

/**
 * From this many cases on, only the rows in and near the viewport are in the page (windowed with
 * TanStack Virtual over the page's own scroll), so an agenda of hundreds of cases opens and scrolls
 * as fast as one of ten. Below it every row is in the page, which suits screen readers and Find best.
 */
export const WINDOWED_AGENDA_FROM = 40;
/** A row's height before it is measured (name, reference, complexity and the move buttons at 1366 px). */
const ESTIMATED_ROW_PX = 134;
/** The space between rows, which CSS margins cannot give absolutely positioned rows. */
const ROW_GAP_PX = 8;

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
  const list = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  const windowed = order.length >= WINDOWED_AGENDA_FROM;

  const virtualizer = useWindowVirtualizer({
    count: order.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    gap: ROW_GAP_PX,
    overscan: 6,
    scrollMargin: listTop,
    getItemKey: (index) => order[index] ?? index,
    enabled: windowed,
  });
  const shown = windowed ? virtualizer.getVirtualItems() : order.map((_, index) => ({ index, start: 0 }));

  // Where the list starts on the page, for the virtualizer's sums (content above it can change).
  useLayoutEffect(() => {
    const top = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (top !== listTop) setListTop(top);
  });
  useEffect(() => setOrder(items.map((item) => item.id)), [items]);
  const shownRange = `${shown[0]?.index ?? 0}-${shown[shown.length - 1]?.index ?? 0}`;
  useEffect(() => {
    if (focusAfterMove === undefined) return;
    const row = rows.current.get(focusAfterMove.id);
    if (row === undefined) {
      // Windowed and out of view: bring it into the page; this runs again once it is rendered.
      if (windowed) virtualizer.scrollToIndex(order.indexOf(focusAfterMove.id), { align: 'auto' });
      return;
    }
    const button =
      focusAfterMove.target === 'row'
        ? null
        : row.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.target}"]:not([disabled])`);
    (button ?? row).focus();
    setFocusAfterMove(undefined);
  }, [order, focusAfterMove, shownRange, windowed, virtualizer]);

  const byId = new Map(items.map((item) => [item.id, item]));
  const apply = async (next: string[], movedId: string, target: 'row' | 'up' | 'down') => {
    if (next.join() === order.join()) return;
    const previous = order;
    setOrder(next);
    setFocusAfterMove({ id: movedId, target });
    const moved = byId.get(movedId);
    if (moved !== undefined)
      setAnnouncement(`${agendaPersonName(moved)} moved to position ${next.indexOf(movedId) + 1} of ${next.length}.`);
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
          Complex cases come first. To change the order, drag a case onto another, use Move up and Move down, or focus a case and press Alt
          and the up or down arrow.
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
      <ol
        ref={list}
        className={`ww-agenda${windowed ? ' ww-agenda--windowed' : ''}`}
        style={windowed ? { height: virtualizer.getTotalSize() } : undefined}
        data-testid="agenda"
        data-cases={order.length}
      >
        {shown.map(({ index, start }) => {
          const id = order[index];
          const item = id === undefined ? undefined : byId.get(id);
          if (id === undefined || item === undefined) return null;
          return (
            <AgendaRow
              key={id}
              item={item}
              index={index}
              total={order.length}
              reorderable={reorderable}
              dragged={dragged === id}
              windowed={windowed ? { style: { transform: `translateY(${start - virtualizer.options.scrollMargin}px)` } } : undefined}
              rowRef={(element) => {
                if (element === null) rows.current.delete(id);
                else rows.current.set(id, element);
                if (windowed && element !== null) virtualizer.measureElement(element);
              }}
              onKeyDown={(event) => onKeyDown(event, id)}
              onMove={(by) => void apply(moveAgendaItem(order, id, by), id, by === -1 ? 'up' : 'down')}
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
            />
          );
        })}
      </ol>
    </>
  );
}
