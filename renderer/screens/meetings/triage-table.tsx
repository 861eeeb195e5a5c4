import { MISSING_ITEM_LABELS, TRIAGE_OUTCOME_LABELS, type TriageQueue } from '../../../core/schemas/meetings';
import { ListTable, type ListColumn } from '../../components/list-table';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { ComplexityTags } from './complexity-tags';

type QueueItem = TriageQueue['items'][number];

const nameOf = (item: QueueItem) => `${item.familyName.toUpperCase()}, ${item.givenName}`;

const COLUMNS: ReadonlyArray<ListColumn<QueueItem>> = [
  {
    header: 'Person',
    cell: (item) => (
      <>
        <a href={routeHref({ name: 'participant', id: item.participantId })}>{nameOf(item)}</a>
        <br />
        <span className="ww-secondary-text">{item.reference}</span>
      </>
    ),
  },
  {
    header: 'Minimum data',
    cell: (item) =>
      item.missing.length === 0 ? (
        <strong className="nhsuk-tag nhsuk-tag--green">Complete</strong>
      ) : (
        <>Missing: {item.missing.map((missing) => MISSING_ITEM_LABELS[missing].toLowerCase()).join(', ')}</>
      ),
  },
  { header: 'Complexity', cell: (item) => <ComplexityTags complexity={item.complexity} /> },
  {
    header: 'Triage',
    cell: (item) => (
      <>
        {item.decision === null ? 'Not triaged yet' : TRIAGE_OUTCOME_LABELS[item.decision.outcome]}
        {item.listedOn !== null && <> on {formatDate(item.listedOn.heldOn)}</>}
        {item.decision !== null && item.decision.note !== '' && <div className="ww-secondary-text">{item.decision.note}</div>}
      </>
    ),
  },
];

/**
 * One triage list: each person, what their minimum data lacks, how complex the case looks and the
 * current decision, with a Triage button for a coordinator on cases not yet on a planned agenda.
 */
export function TriageTable(props: {
  rows: readonly QueueItem[];
  caption: string;
  testId: string;
  mayDecide: boolean;
  onTriage: (item: QueueItem) => void;
}) {
  const { rows, caption, testId, mayDecide, onTriage } = props;
  const base = { caption, testId, rows, rowKey: (item: QueueItem) => item.participantId, columns: COLUMNS };
  if (!mayDecide) return <ListTable {...base} />;
  return (
    <ListTable
      {...base}
      rowName={nameOf}
      actions={[{ label: 'Triage', onClick: onTriage, shownFor: (item) => item.listedOn === null, channel: 'triage.decide' }]}
    />
  );
}
