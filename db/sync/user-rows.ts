import { syncedTable } from '../../core/sync/synced-tables';
import type { Store } from '../store';
import { quoteIdentifier, syncedColumns } from './synced-columns';

type Row = Record<string, string | number | null>;

/** A user as this store holds them, with the team member linked to their account (if any), as it travels. */
export interface LocalUser {
  readonly row: {
    readonly id: string;
    readonly username: string;
    readonly display_name: string;
    readonly role: string;
    readonly created_at: string;
    readonly disabled_at: string | null;
  };
  readonly teamMember: Row | null;
}

/** Every user of the store, for telling the partnership server about users added or revoked here. */
export function readLocalUsers(store: Pick<Store, 'sqlite'>): LocalUser[] {
  const { sqlite } = store;
  const users = sqlite.prepare('SELECT id, username, display_name, role, created_at, disabled_at FROM users ORDER BY id').all() as Array<
    LocalUser['row']
  >;
  const entry = syncedTable('team_members');
  const columns = entry === undefined ? [] : syncedColumns(sqlite, entry);
  const linked = new Map<string, Row>();
  if (columns.includes('user_id'))
    for (const member of sqlite
      .prepare(`SELECT ${columns.map(quoteIdentifier).join(', ')} FROM team_members WHERE user_id IS NOT NULL`)
      .all() as Row[])
      linked.set(String(member.user_id), member);
  return users.map((row) => ({ row, teamMember: linked.get(row.id) ?? null }));
}
