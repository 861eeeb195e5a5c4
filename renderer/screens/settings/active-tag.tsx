/** Whether an entry is in use: inactive entries stay listed (old plans name them) but are marked. */
export function ActiveTag({ active }: { active: boolean }) {
  return active ? (
    <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--grey">Inactive</strong>
  );
}

/** Active entries first, keeping the store's order (by name) within each group. */
export function activeFirst<E extends { active: boolean }>(entries: readonly E[]): E[] {
  return [...entries.filter((entry) => entry.active), ...entries.filter((entry) => !entry.active)];
}
