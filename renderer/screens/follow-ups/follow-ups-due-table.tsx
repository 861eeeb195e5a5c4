import { FOLLOW_UP_POINT_LABELS } from '../../../core/follow-ups/follow-up-due';
import type { FollowUpsDue } from '../../../core/schemas/follow-up';
import { ListTable } from '../../components/list-table';
import { formatDate } from '../../format';
import { PersonLink } from '../worklist/person-link';
import { FollowUpStateTag } from './follow-up-state-tag';

type Item = FollowUpsDue['items'][number];

/** The follow-ups due, one row each: the person (to their record, where the form is), which follow-up, when due, and the coach. */
export function FollowUpsDueTable({ items, caption, testId }: { items: readonly Item[]; caption: string; testId: string }) {
  return (
    <ListTable
      caption={caption}
      testId={testId}
      rows={items}
      rowKey={(item) => `${item.participantId}-${item.exitedOn}-${item.point}`}
      columns={[
        { header: 'Person', rowHeader: true, cell: (item) => <PersonLink person={item} /> },
        { header: 'Follow-up', cell: (item) => `${FOLLOW_UP_POINT_LABELS[item.point]} (left ${formatDate(item.exitedOn)})` },
        {
          header: 'Due',
          cell: (item) => (
            <>
              {formatDate(item.dueOn)} <FollowUpStateTag state={item.state} />
            </>
          ),
        },
        { header: 'Coach', cell: (item) => item.coachName ?? 'None assigned' },
      ]}
    />
  );
}
