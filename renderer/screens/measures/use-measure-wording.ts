import { useCallback, useEffect, useState } from 'react';
import type { MeasureWordingEntry } from '../../../core/schemas/measure-wording';
import type { MeasureId } from '../../../core/scoring/measure-id';
import { useApi } from '../../api/api-context';

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
  const [entries, setEntries] = useState<MeasureWordingById | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    const result = await api.call('measureWording.list', {});
    if (result.ok) {
      setEntries(Object.fromEntries(result.value.items.map((entry) => [entry.measure, entry])) as Record<MeasureId, MeasureWordingEntry>);
      setError(undefined);
    } else {
      setError(result.error.message);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { entries, error, reload };
}
