import type { ReactNode } from 'react';
import { ACTION_STATUS_LABELS } from '../../../core/schemas/action-plan';
import { WORKLIST_DRAFT_LABELS, WORKLIST_LIST_LIMIT, type Worklist } from '../../../core/schemas/worklist';
import { ListTable } from '../../components/list-table';
import { formatDate, formatDateTime } from '../../format';
import { routeHref } from '../../routing';
import { PersonLink } from './person-link';

/**
 * One part of the worklist: a heading with how many, then its list or a calm line saying there is
 * nothing. When the list holds only the first WORKLIST_LIST_LIMIT, it says so (`more` says where the rest are).
 */
export function WorklistSection({
  id,
  title,
  count,
  total = count,
  more = '',
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  /** How many in all; a reviews total past the limit means "over" it. */
  total?: number;
  more?: string;
  empty: string;
  children: ReactNode;
}) {
  const over = total > WORKLIST_LIST_LIMIT;
  const totalLabel = over && total === WORKLIST_LIST_LIMIT + 1 ? `over ${WORKLIST_LIST_LIMIT}` : total.toLocaleString('en-GB');
  return (
    <section className="ww-worklist__section" aria-labelledby={id} data-testid={id}>
      <h2 className="nhsuk-heading-m" id={id}>
        {title} <span className="ww-worklist__count">({totalLabel})</span>
      </h2>
      {count === 0 ? <p className="nhsuk-body ww-worklist__empty">{empty}</p> : children}
      {total > count && (
        <p className="nhsuk-body-s">
          Showing the first {count}.{more === '' ? '' : ` ${more}`}
        </p>
      )}
    </section>
  );
}

const overdueTag = <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>;

/** Overdue risk flags the user may acknowledge, each opening the record where the form is. */
export function RiskFlagsToAcknowledge({ flags }: { flags: Worklist['riskFlags'] }) {
  return (
    <WorklistSection id="worklist-risk" title="Overdue risk flags to acknowledge" count={flags.length} empty="No overdue risk flags.">
      <div className="nhsuk-warning-callout ww-risk">
        <p className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Not acknowledged within one working day
          </span>
        </p>
        <ul className="nhsuk-list">
          {flags.map((flag) => (
            <li key={flag.flagId}>
              <PersonLink person={flag} />: raised {formatDate(flag.raisedOn)}
            </li>
          ))}
        </ul>
      </div>
    </WorklistSection>
  );
}

/** Actions the user owns in plans in force, overdue or due within a week. */
export function ActionsDue({ actions, total }: { actions: Worklist['actions']; total: number }) {
  return (
    <WorklistSection
      id="worklist-actions"
      title="Your actions due"
      count={actions.length}
      total={total}
      more="Each person's record has the rest."
      empty="No actions of yours are due this week."
    >
      <ListTable
        caption="Your actions, overdue or due within a week"
        testId="worklist-actions-table"
        rows={actions}
        rowKey={(item) => `${item.planId}/${item.actionId}`}
        columns={[
          { header: 'Person', cell: (item) => <PersonLink person={item} /> },
          { header: 'Action', cell: (item) => item.description, className: 'ww-break' },
          {
            header: 'Due',
            cell: (item) => (
              <>
                {formatDate(item.dueOn)} {item.overdue && overdueTag}
              </>
            ),
            className: 'ww-nowrap',
          },
          { header: 'Progress', cell: (item) => ACTION_STATUS_LABELS[item.status] },
        ]}
      />
    </WorklistSection>
  );
}

/** Unsigned work the user started: assessments, plan drafts, AHP reports. */
export function DraftsStarted({ drafts, total }: { drafts: Worklist['drafts']; total: number }) {
  return (
    <WorklistSection id="worklist-drafts" title="Your drafts" count={drafts.length} total={total} empty="You have no unfinished drafts.">
      <ListTable
        caption="Drafts you started and have not signed or agreed"
        testId="worklist-drafts-table"
        rows={drafts}
        rowKey={(item) => `${item.kind}/${item.id}`}
        columns={[
          { header: 'Person', cell: (item) => <PersonLink person={item} /> },
          { header: 'Draft', cell: (item) => WORKLIST_DRAFT_LABELS[item.kind] },
          { header: 'Last saved', cell: (item) => formatDateTime(item.updatedAt) },
        ]}
      />
    </WorklistSection>
  );
}

/** Reviews due (today or overdue) for the user's people: the "Due for review" rule. */
export function ReviewsDue({ reviews, total }: { reviews: Worklist['reviews']; total: number }) {
  return (
    <WorklistSection
      id="worklist-reviews"
      title="Reviews due for your people"
      count={reviews.length}
      total={total}
      empty="None of your people is due for review."
    >
      <ListTable
        caption="Your people whose review is due today or overdue"
        testId="worklist-reviews-table"
        rows={reviews}
        rowKey={(item) => item.participantId}
        columns={[
          {
            header: 'Person',
            cell: (item) => (
              <>
                <PersonLink person={item} />
                {item.hasOpenRiskFlag && (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--red">Risk flag</strong>
                  </>
                )}
              </>
            ),
          },
          {
            header: 'Review by',
            cell: (item) => (
              <>
                {formatDate(item.reviewOn)} {item.overdue && overdueTag}
              </>
            ),
            className: 'ww-nowrap',
          },
        ]}
      />
      <p className="nhsuk-body-s">
        <a href={routeHref({ name: 'due-for-review' })}>Everyone due for review</a>
      </p>
    </WorklistSection>
  );
}

/** The next planned meeting and the user's cases on its agenda (every case for its chair). */
export function NextMeetingCases({ meeting }: { meeting: Worklist['nextMeeting'] }) {
  if (meeting === null)
    return (
      <WorklistSection id="worklist-meeting" title="Your cases at the next meeting" count={0} empty="No MDT meeting is planned.">
        {null}
      </WorklistSection>
    );
  const when = `${formatDate(meeting.heldOn)} at ${meeting.startsAt}`;
  return (
    <WorklistSection
      id="worklist-meeting"
      title="Your cases at the next meeting"
      count={meeting.cases.length}
      empty={`None of your people is on the agenda of the meeting on ${when}.`}
    >
      <p className="nhsuk-body">
        <a href={routeHref({ name: 'meeting', id: meeting.meetingId, view: 'agenda' })}>Meeting on {when}</a>
      </p>
      <ol className="nhsuk-list ww-worklist__cases">
        {meeting.cases.map((item) => (
          <li key={item.participantId}>
            Case {item.position}: <PersonLink person={item} />
          </li>
        ))}
      </ol>
    </WorklistSection>
  );
}

/** How many referrals wait for triage, with the way to the inbox (only for those who may decide them). */
export function ReferralsWaiting({ count }: { count: number }) {
  return (
    <WorklistSection id="worklist-referrals" title="Referrals waiting" count={count} empty="No referral is waiting in the referral inbox.">
      <p className="nhsuk-body">
        <a href={routeHref({ name: 'referrals', view: 'waiting' })}>
          {count === 1 ? '1 referral waits' : `${count.toLocaleString('en-GB')} referrals wait`} in the referral inbox
        </a>
      </p>
    </WorklistSection>
  );
}
