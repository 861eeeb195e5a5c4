import { AppError } from '../../core/app-error';
import type { Store } from '../store';

/**
 * Runs `work`, which fills a store no one else has open (an enrolment's), with SQLite's
 * foreign-key enforcement off, then checks every foreign key of the store at once and throws
 * when a row refers to one that is not there.
 *
 * Why: with enforcement on, a page's rows are checked at its commit (defer_foreign_keys), and
 * while any row of the transaction still waits for its parent, SQLite answers every insert into
 * a parent table by scanning the tables that refer to it, which have no index on that column.
 * An enrolment of 1,000 people spent two thirds of its writing time there (a person's row 0.8 ms
 * instead of 0.07 ms), growing with the partnership. Checked once at the end instead, a row may
 * also arrive pages before its parent, and a broken reference is still never accepted: the
 * enrolment fails and the new store is not used.
 */
export async function checkingForeignKeysAtEnd<T>(store: Pick<Store, 'sqlite'>, work: () => Promise<T>): Promise<T> {
  const { sqlite } = store;
  if (sqlite.inTransaction) throw new AppError('INTERNAL', 'Foreign keys can only be put off outside a transaction.');
  sqlite.pragma('foreign_keys = OFF');
  try {
    const result = await work();
    const broken = sqlite.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new AppError(
        'CONFLICT',
        `The partnership server sent ${broken.length} record(s) that refer to records it did not send (the first: ${first.table} refers to ${first.parent}). ` +
          'This laptop was not enrolled: delete the new folder, and ask an administrator to check the server.',
      );
    }
    return result;
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
