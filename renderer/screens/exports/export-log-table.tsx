import { useCallback, useEffect, useState } from 'react';
import { EXPORT_KIND_LABELS, type ExportLogPage } from '../../../core/schemas/export-log';
import { useApi } from '../../api/api-context';
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
        <table className="nhsuk-table" data-testid="export-log-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Exports, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">When</th>
              <th scope="col" className="nhsuk-table__header">Who</th>
              <th scope="col" className="nhsuk-table__header">What</th>
              <th scope="col" className="nhsuk-table__header">Where</th>
              <th scope="col" className="nhsuk-table__header">Outcome</th>
              <th scope="col" className="nhsuk-table__header">People</th>
              <th scope="col" className="nhsuk-table__header">SHA-256</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {entries.map((entry) => (
              <tr key={entry.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{formatDateTime(entry.at)}</td>
                <td className="nhsuk-table__cell">{entry.username}</td>
                <td className="nhsuk-table__cell">{EXPORT_KIND_LABELS[entry.kind]}</td>
                <td className="nhsuk-table__cell ww-break">{entry.destination}</td>
                <td className="nhsuk-table__cell">{OUTCOME_LABELS[entry.outcome]}</td>
                <td className="nhsuk-table__cell">
                  {entry.participantReference ?? `${entry.included.toLocaleString('en-GB')} included, ${entry.skipped.toLocaleString('en-GB')} skipped, ${entry.failed.toLocaleString('en-GB')} failed`}
                </td>
                <td className="nhsuk-table__cell">
                  <code title={entry.sha256}>{entry.sha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next !== null && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void load(next)}>
          Show older exports
        </button>
      )}
    </>
  );
}
