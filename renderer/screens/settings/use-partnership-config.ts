import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useLoaded } from '../../use-loaded';

/** The partnership's configuration, loaded once and reloaded after each save. */
export function usePartnershipConfig() {
  const api = useApi();
  const { value: config, error, reload } = useLoaded(useCallback(() => api.call('config.get', {}), [api]));
  return { config, error, reload };
}
