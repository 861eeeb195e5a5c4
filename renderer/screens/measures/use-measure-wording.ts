import { useCallback, useMemo } from 'react';
import type { MeasureWordingEntry } from '../../../core/schemas/measure-wording';
import type { MeasureId } from '../../../core/scoring/measure-id';
import { useApi } from '../../api/api-context';
import { useLoaded } from '../../use-loaded';

export type MeasureWordingById = Readonly<Record<MeasureId, MeasureWordingEntry>>;

export interface MeasureWordingState {
  /** The wording in effect per measure; undefined until loaded (or when loading failed). */
  readonly entries: MeasureWordingById | undefined;
  /** Why loading failed, in words for the user. */
  readonly error: string | undefined;
  readonly reload: () => Promise<void>;
}

/** The wording each measure's form uses now, from `measureWording.list`. */
export function useMeasureWording(): MeasureWordingState {
  const api = useApi();
  const { value, error, reload } = useLoaded(useCallback(() => api.call('measureWording.list', {}), [api]));
  const entries = useMemo(
    () =>
      value === undefined ? undefined : (Object.fromEntries(value.items.map((entry) => [entry.measure, entry])) as MeasureWordingById),
    [value],
  );
  return { entries, error, reload };
}
