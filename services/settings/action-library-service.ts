import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { ActionKind } from '../../core/schemas/action-plan';
import type { LibraryActionEntry } from '../../core/schemas/config/action-library';
import type { DueShortcut } from '../../core/plans/due-shortcuts';
import {
  findLibraryAction,
  findLibraryActionByWording,
  insertLibraryAction,
  updateLibraryActionAtVersion,
} from '../../db/repositories/action-library-repository';
import { findDiscipline } from '../../db/repositories/discipline-repository';
import type { ActionLibraryTable } from '../../db/schema';
import type { Store } from '../../db/store';
import { conflict, editableRow, inTransaction, invalid, requireRow } from './config-entry-save';

/** A library row as the contract returns it. */
export function toLibraryActionEntry(row: ActionLibraryTable): LibraryActionEntry {
  return {
    id: row.id,
    disciplineCode: row.discipline_code,
    kind: row.kind as ActionKind,
    description: row.description,
    dueAfter: row.due_after as DueShortcut | null,
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/**
 * Adds a common action to the partnership's library or changes one, as a compare-and-set on the
 * version the administrator edited. Its discipline must exist (an inactive one only if the entry
 * already had it), and a discipline lists each wording once.
 */
export async function saveLibraryAction(
  store: Store,
  input: ParsedInput<'config.saveLibraryAction'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveLibraryAction'>> {
  const at = now.toISOString();
  return inTransaction(store, async (trx) => {
    const current =
      input.id === undefined
        ? undefined
        : editableRow(await findLibraryAction(trx, input.id), input.version, 'library action', (row) => row.description);
    const discipline = await findDiscipline(trx, input.disciplineCode);
    if (discipline === undefined) throw invalid('disciplineCode', 'Choose a discipline from the list');
    if (discipline.active === 0 && discipline.code !== current?.discipline_code)
      throw invalid(
        'disciplineCode',
        'That discipline is not active in this team: reactivate it under Disciplines first, or choose another',
      );
    const namesake = await findLibraryActionByWording(trx, input.disciplineCode, input.description, current?.id);
    if (namesake !== undefined) throw invalid('description', `The library already has “${namesake.description}” for this discipline`);
    const row = {
      discipline_code: input.disciplineCode,
      kind: input.kind,
      description: input.description,
      due_after: input.dueAfter,
      active: input.active ? 1 : 0,
      updated_at: at,
      updated_by: userId,
    };
    if (current === undefined) {
      const newId = randomUUID();
      await insertLibraryAction(trx, { id: newId, ...row, version: 1, created_at: at });
      return toLibraryActionEntry(await requireRow(findLibraryAction(trx, newId)));
    }
    if (!(await updateLibraryActionAtVersion(trx, current.id, current.version, row))) throw conflict(current.description);
    return toLibraryActionEntry(await requireRow(findLibraryAction(trx, current.id)));
  });
}
