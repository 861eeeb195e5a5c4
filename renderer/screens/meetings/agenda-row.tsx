import type { CSSProperties, DragEvent, KeyboardEvent } from 'react';
import { AGENDA_ITEM_STATUS_LABELS, type AgendaItem } from '../../../core/schemas/meetings';
import { offers } from '../../can-call';
import { routeHref } from '../../routing';
import { ComplexityTags } from './complexity-tags';

/** "SMITH, Jo": how the agenda names a person. */
export const agendaPersonName = (item: AgendaItem) => `${item.familyName.toUpperCase()}, ${item.givenName}`;

export interface AgendaRowProps {
  readonly item: AgendaItem;
  /** Zero-based place on the agenda. */
  readonly index: number;
  /** Cases on the agenda: the last one cannot move down. */
  readonly total: number;
  readonly reorderable: boolean;
  readonly dragged: boolean;
  /** Set when only the rows near the viewport are rendered: where this one sits, and its place in the whole list. */
  readonly windowed?: { readonly style: CSSProperties };
  readonly rowRef: (element: HTMLLIElement | null) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onDragStart: (event: DragEvent<HTMLLIElement>) => void;
  readonly onDragEnd: () => void;
  readonly onDragOver: (event: DragEvent<HTMLLIElement>) => void;
  readonly onDrop: (event: DragEvent<HTMLLIElement>) => void;
}

/** One case on the agenda: its number, the person, complexity and status, and the move buttons. */
export function AgendaRow({
  item,
  index,
  total,
  reorderable,
  dragged,
  windowed,
  rowRef,
  onKeyDown,
  onMove,
  onDragStart,
  onDragEnd,
  onDragOver,
  onDrop,
}: AgendaRowProps) {
  const name = agendaPersonName(item);
  return (
    <li
      ref={rowRef}
      data-index={index}
      style={windowed?.style}
      className={`ww-agenda__item${dragged ? ' ww-agenda__item--dragged' : ''}`}
      tabIndex={reorderable ? 0 : undefined}
      aria-describedby={reorderable ? 'agenda-reorder-hint' : undefined}
      aria-label={`${index + 1}. ${name}`}
      // Only some rows are in the page when windowed: say where this one is in the whole agenda.
      aria-posinset={windowed === undefined ? undefined : index + 1}
      aria-setsize={windowed === undefined ? undefined : total}
      draggable={reorderable}
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <span className="ww-agenda__number" aria-hidden="true">
        {index + 1}
      </span>
      <span className="ww-agenda__person">
        <a href={routeHref({ name: 'participant', id: item.participantId })}>{name}</a>{' '}
        <span className="ww-secondary-text">{item.reference}</span>
        <br />
        <ComplexityTags complexity={item.complexity} />
        {item.carriedOver && <strong className="nhsuk-tag nhsuk-tag--yellow">Carried over</strong>}
        {item.status !== 'listed' && <strong className="nhsuk-tag nhsuk-tag--grey">{AGENDA_ITEM_STATUS_LABELS[item.status]}</strong>}
      </span>
      {reorderable && (
        <span className="ww-agenda__moves">
          <button
            type="button"
            data-move="up"
            {...offers('meetings.reorderAgenda')}
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Move up<span className="nhsuk-u-visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            data-move="down"
            {...offers('meetings.reorderAgenda')}
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            disabled={index === total - 1}
            onClick={() => onMove(1)}
          >
            Move down<span className="nhsuk-u-visually-hidden"> {name}</span>
          </button>
        </span>
      )}
    </li>
  );
}
