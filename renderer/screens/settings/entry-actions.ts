import type { RowAction } from '../../components/list-table';

/**
 * The row actions of a settings list: Edit, which opens the entry's form (focus goes back to
 * the button when the form is cancelled), and Deactivate or Reactivate. Entries are never
 * deleted: older plans name them.
 */
export function entryActions<E extends { readonly active: boolean }>({
  editor,
  key,
  toggle,
  editable,
}: {
  editor: { open: (next: { readonly kind: 'edit'; readonly entry: E }, openerId: string) => void };
  /** The entry's id, which makes its Edit button's id. */
  key: (entry: E) => string;
  toggle: (entry: E) => void;
  /** Which entries can be edited; all when left out. */
  editable?: (entry: E) => boolean;
}): Array<RowAction<E>> {
  const editId = (entry: E) => `edit-${key(entry)}`;
  return [
    { label: 'Edit', id: editId, shownFor: editable, onClick: (entry) => editor.open({ kind: 'edit', entry }, editId(entry)) },
    { label: (entry) => (entry.active ? 'Deactivate' : 'Reactivate'), onClick: toggle },
  ];
}
