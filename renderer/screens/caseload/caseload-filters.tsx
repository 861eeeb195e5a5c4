import { useEffect, useRef, useState } from 'react';
import {
  CASELOAD_SORT_LABELS,
  CASELOAD_SORTS,
  CASELOAD_STATUS_FILTER_LABELS,
  CASELOAD_STATUS_FILTERS,
  type CaseloadSort,
  type CaseloadStatusFilter,
} from '../../../core/schemas/participants';
import { CheckboxGroup } from '../../components/checkbox-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import type { CaseloadView } from './caseload-view';

/** How long typing must pause before the search runs: long enough not to search on every key. */
export const SEARCH_DEBOUNCE_MS = 250;

type ShowOnly = 'ready' | 'due' | 'risk';

export interface CaseloadFiltersProps {
  readonly view: CaseloadView;
  readonly coaches: ReadonlyArray<{ readonly userId: string; readonly displayName: string }>;
  /** A new search, filter or sort: the caller goes back to the first page. */
  readonly onChange: (change: Partial<CaseloadView>) => void;
}

/**
 * Search box, filters and sort. The search box keeps its own text so typing is never held up by a
 * request: the search runs once typing pauses, and Enter runs it at once.
 */
export function CaseloadFilters({ view, coaches, onChange }: CaseloadFiltersProps) {
  const [text, setText] = useState(view.search);
  const latest = useRef({ view, onChange });
  latest.current = { view, onChange };
  // The search this box last sent. A view search that differs came from elsewhere (Back, Clear):
  // only then is the box's text replaced, so what someone is typing is never overwritten.
  const sent = useRef(view.search);
  useEffect(() => {
    if (view.search !== sent.current) {
      sent.current = view.search;
      setText(view.search);
    }
  }, [view.search]);

  const send = (search: string) => {
    sent.current = search;
    latest.current.onChange({ search });
  };

  useEffect(() => {
    if (text === sent.current) return undefined;
    const timer = window.setTimeout(() => send(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const showOnly: ShowOnly[] = [
    ...(view.readyForMdt ? ['ready' as const] : []),
    ...(view.reviewDue ? ['due' as const] : []),
    ...(view.openRiskFlag ? ['risk' as const] : []),
  ];
  return (
    <form
      role="search"
      aria-label="Caseload"
      className="ww-caseload-filters"
      onSubmit={(event) => {
        event.preventDefault();
        send(text);
      }}
    >
      <div className="ww-caseload-filters__search">
        <TextInput
          id="caseload-search"
          label="Search by name, NHS number or reference"
          hint="For example, Smith, 999 123 4567 or WW-000123"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          onValueChange={setText}
        />
      </div>
      <div className="ww-caseload-filters__row">
        <SelectInput
          id="caseload-status"
          label="Status"
          placeholder="Any status"
          value={view.status ?? ''}
          options={CASELOAD_STATUS_FILTERS.map((status) => ({ value: status, label: CASELOAD_STATUS_FILTER_LABELS[status] }))}
          onValueChange={(value) => onChange({ status: value === '' ? null : (value as CaseloadStatusFilter) })}
        />
        <SelectInput
          id="caseload-coach"
          label="Coach"
          placeholder="Any coach"
          value={view.coachUserId ?? ''}
          options={coaches.map((coach) => ({ value: coach.userId, label: coach.displayName }))}
          onValueChange={(value) => onChange({ coachUserId: value === '' ? null : value })}
        />
        <SelectInput
          id="caseload-sort"
          label="Sort by"
          value={view.sort}
          options={CASELOAD_SORTS.map((sort) => ({ value: sort, label: CASELOAD_SORT_LABELS[sort] }))}
          onValueChange={(value) => onChange({ sort: value as CaseloadSort })}
        />
      </div>
      <CheckboxGroup<ShowOnly>
        name="caseload-show-only"
        legend="Show only people"
        values={showOnly}
        options={[
          { value: 'ready', label: 'Ready for MDT' },
          { value: 'due', label: 'With a review due (today or overdue)' },
          { value: 'risk', label: 'With an open risk flag' },
        ]}
        onValuesChange={(values) =>
          onChange({ readyForMdt: values.includes('ready'), reviewDue: values.includes('due'), openRiskFlag: values.includes('risk') })
        }
      />
    </form>
  );
}
