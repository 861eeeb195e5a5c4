import { useCallback, useEffect, useState } from 'react';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { useApi } from '../../api/api-context';

/** The partnership's configuration, loaded once and reloaded after each save. */
export function usePartnershipConfig() {
  const api = useApi();
  const [config, setConfig] = useState<PartnershipConfig | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    const result = await api.call('config.get', {});
    if (result.ok) {
      setConfig(result.value);
      setError(undefined);
    } else {
      setError(result.error.message);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { config, error, reload };
}
