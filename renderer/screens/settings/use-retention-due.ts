import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useLoaded } from '../../use-loaded';

/** The records due for retention review, loaded on mount; `reload` after a change. */
export function useRetentionDue() {
  const api = useApi();
  const { value, error, reload } = useLoaded(useCallback(() => api.call('retention.due', {}), [api]));
  return { items: value?.items, error, reload };
}
