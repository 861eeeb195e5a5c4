import type { FollowUpState } from '../../../core/follow-ups/follow-up-due';

const TAGS: Readonly<Record<FollowUpState, { label: string; colour: string }>> = {
  overdue: { label: 'Overdue', colour: 'red' },
  due: { label: 'Due soon', colour: 'yellow' },
  not_yet_due: { label: 'Not yet due', colour: 'grey' },
  recorded: { label: 'Recorded', colour: 'green' },
};

/** Where a follow-up stands, as an NHS tag: overdue, due soon (within 14 days), not yet due, or recorded. */
export function FollowUpStateTag({ state }: { state: FollowUpState }) {
  const tag = TAGS[state];
  return <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.label}</strong>;
}
