import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../core/result';

/**
 * Loads one thing through the contract and reloads it on demand: the value, the error message if
 * the call failed, and a `reload` that keeps showing the old value until the new one arrives.
 * It also reloads whenever `refreshOn` changes (for example `useReceivedChanges()`, so a view
 * of shared records follows what other laptops change).
 */
export function useLoaded<T>(load: () => Promise<Result<T>>, refreshOn?: unknown) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    const result = await load();
    if (result.ok) {
      setValue(result.value);
      setError(undefined);
    } else {
      setError(result.error.message);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload, refreshOn]);
  return { value, error, reload };
}
