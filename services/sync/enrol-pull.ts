import type { PullResponse } from '../../core/sync/sync-protocol';
import type { Store } from '../../db/store';
import { applyServerRows } from '../../db/sync/apply-rows';
import { checkingForeignKeysAtEnd } from '../../db/sync/foreign-keys-at-end';
import { waitingKeys } from '../../db/sync/outbox';
import { saveCursor } from '../../db/sync/sync-state';
import { pull } from './sync-client';

/** Changes an enrolment asks for at once: the most the server sends in a page. */
export const ENROL_PAGE = 5_000;

/**
 * Everything the user reads, pulled into the store an enrolment has just made, page by page, each
 * applied in one transaction (services/sync/sync-once.ts pullAll does the same for a sync).
 * Two things differ, for speed (issue 14: 20,000 people's records within 60 s), both safe only
 * because no one else uses this store yet and an enrolment that fails leaves a folder to throw away:
 * - pages of ENROL_PAGE changes rather than 1,000, so fewer requests and commits;
 * - the next page is asked for before this one is written, so the server reads and sends it
 *   while the laptop writes. The cursor a request sends tells the server the laptop holds what
 *   came before it (server/pull-reader.ts); in a sync that must wait until the page is written,
 *   since a laptop kept after a failed write would then miss that page;
 * - foreign keys are checked once, after the last page (db/sync/foreign-keys-at-end.ts).
 * Returns the rows written.
 */
export async function pullIntoNewStore(store: Pick<Store, 'sqlite'>, serverUrl: string, token: string): Promise<number> {
  const ask = (cursor: string) => {
    const page = pull(serverUrl, token, cursor, { limit: ENROL_PAGE });
    // Its failure is reported where it is awaited; until then it must not count as unhandled.
    page.catch(() => undefined);
    return page;
  };
  return checkingForeignKeysAtEnd(store, async () => {
    let pulled = 0;
    let next: Promise<PullResponse> | undefined = ask('0');
    while (next !== undefined) {
      const page: PullResponse = await next;
      next = page.more ? ask(page.cursor) : undefined;
      pulled += applyServerRows(store, page.changes, waitingKeys(store)).changed;
      saveCursor(store, page.cursor);
    }
    return pulled;
  });
}
