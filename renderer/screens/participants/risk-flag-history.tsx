import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { RISK_ACTION_LABELS } from '../../../core/schemas/risk-flag';
import { ListTable, type ListColumn } from '../../components/list-table';
import { formatDate, formatDateTime } from '../../format';

type AcknowledgedFlag = ParticipantRecord['acknowledgedRiskFlags'][number];

const COLUMNS: ReadonlyArray<ListColumn<AcknowledgedFlag>> = [
  { header: 'Raised', cell: (flag) => formatDate(flag.raisedOn), className: 'ww-nowrap' },
  { header: 'Acknowledged', cell: (flag) => `${flag.acknowledgedBy}, ${formatDateTime(flag.acknowledgedAt)}` },
  { header: 'Action taken', cell: (flag) => (flag.action === null ? 'Not recorded' : RISK_ACTION_LABELS[flag.action]) },
  { header: 'Note', cell: (flag) => flag.note, className: 'ww-break' },
];

/**
 * Acknowledged risk flags stay in the record's history: when each was raised, who acknowledged it
 * and when, the action taken and their note.
 */
export function RiskFlagHistory({ flags }: { flags: ParticipantRecord['acknowledgedRiskFlags'] }) {
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="risk-history-heading">
      <h2 className="nhsuk-heading-m" id="risk-history-heading">
        Risk flags acknowledged
      </h2>
      <ListTable
        caption="Risk flags acknowledged, newest first"
        testId="risk-flag-history"
        rows={flags}
        rowKey={(flag) => flag.id}
        columns={COLUMNS}
      />
    </section>
  );
}
