import { useCallback, useEffect, useState } from 'react';
import type { RetentionItem } from '../../../core/schemas/retention';
import { useApi } from '../../api/api-context';

/** The records due for retention review, loaded on mount; `reload` after a change. */
export function useRetentionDue() {
  const api = useApi();
  const [items, setItems] = useState<RetentionItem[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    const result = await api.call('retention.due', {});
    if (result.ok) {
      setItems(result.value.items);
      setError(undefined);
    } else setError(result.error.message);
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, reload };
}
