import { useCallback, useEffect, useState } from 'react';
import { EXPORT_KIND_LABELS, type ExportLogPage } from '../../../core/schemas/export-log';
import { useApi } from '../../api/api-context';
import { ListTable } from '../../components/list-table';
import { formatDateTime } from '../../format';

const OUTCOME_LABELS = { delivered: 'Delivered', failed: 'Failed', cancelled: 'Cancelled' } as const;

/** The export log: who exported what, for how many people, to where and when, newest first. */
export function ExportLogTable({ refreshKey }: { refreshKey: number }) {
  const api = useApi();
  const [entries, setEntries] = useState<ExportLogPage['entries']>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(
    async (beforeSeq?: number) => {
      const result = await api.call('exports.log', beforeSeq === undefined ? { limit: 20 } : { limit: 20, beforeSeq });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setEntries((earlier) => (beforeSeq === undefined ? result.value.entries : [...earlier, ...result.value.entries]));
      setNext(result.value.nextBeforeSeq);
    },
    [api],
  );
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (error !== undefined) return <p className="nhsuk-body">{error}</p>;
  if (entries.length === 0) return <p className="nhsuk-body">Nothing has been exported yet.</p>;
  return (
    <>
      <div className="ww-table-scroll">
        <ListTable
          caption="Exports, newest first"
          testId="export-log-table"
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: 'When', cell: (entry) => formatDateTime(entry.at) },
            { header: 'Who', cell: (entry) => entry.username },
            { header: 'What', cell: (entry) => EXPORT_KIND_LABELS[entry.kind] },
            { header: 'Where', className: 'ww-break', cell: (entry) => entry.destination },
            { header: 'Outcome', cell: (entry) => OUTCOME_LABELS[entry.outcome] },
            {
              header: 'People',
              cell: (entry) =>
                entry.participantReference ??
                `${entry.included.toLocaleString('en-GB')} included, ${entry.skipped.toLocaleString('en-GB')} skipped, ${entry.failed.toLocaleString('en-GB')} failed`,
            },
            { header: 'SHA-256', cell: (entry) => <code title={entry.sha256}>{entry.sha256.slice(0, 12)}…</code> },
          ]}
        />
      </div>
      {next !== null && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void load(next)}>
          Show older exports
        </button>
      )}
    </>
  );
}
