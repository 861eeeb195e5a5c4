import { AppPage } from '../../components/app-page';
import { ListTable } from '../../components/list-table';
import { useSyncStatus } from '../../components/sync-status';

/** The changes the partnership server refused: its message, and the text kept on this laptop. */
export function SyncRefusedScreen() {
  const status = useSyncStatus();
  const refused = status?.refused;
  return (
    <AppPage title="Changes the partnership server refused">
      <p className="nhsuk-body">
        These changes were saved on this laptop but the partnership server did not accept them, so other laptops do not have them. Your text
        is kept here: read the reason, then make the change again if it is still needed.
      </p>
      {status === undefined && <p className="nhsuk-body">Loading…</p>}
      {refused !== undefined && refused.length === 0 && <p className="nhsuk-body">No changes have been refused.</p>}
      {refused !== undefined && refused.length > 0 && (
        <ListTable
          caption={`${refused.length === 1 ? '1 change was' : `${refused.length} changes were`} refused`}
          captionVisible
          testId="sync-refused-table"
          rows={refused}
          rowKey={(item) => String(item.mutationId)}
          columns={[
            { header: 'Made at', cell: (item) => item.madeAt.slice(0, 16).replace('T', ' ') },
            { header: 'Change', cell: (item) => item.channel },
            { header: 'Why it was refused', cell: (item) => item.message },
            { header: 'Your text (kept)', cell: (item) => item.summary || '—' },
          ]}
        />
      )}
    </AppPage>
  );
}
