import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useOptionalApi } from '../api/api-context';

/** How long to wait before asking again after a failed call (the app is closing or locking). */
const RETRY_MS = 2_000;

const ReceivedChangesContext = createContext(0);

/**
 * Keeps one `sync.changes` long poll open while the app is unlocked and counts the pulls that
 * brought other laptops' changes. Screens that show shared records read the count with
 * `useReceivedChanges()` and reload when it moves, so a person registered or a risk flag raised
 * on another laptop appears here without a restart. A solo store answers `live: false` at once
 * and the poll stops.
 */
export function ReceivedChangesProvider({ children }: { children: ReactNode }) {
  const api = useOptionalApi();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (api === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (after: number) => {
      void api.call('sync.changes', { after }).then((result) => {
        if (stopped) return;
        if (!result.ok) {
          timer = setTimeout(() => ask(after), RETRY_MS);
          return;
        }
        if (result.value.generation !== after) setGeneration(result.value.generation);
        if (result.value.live) ask(result.value.generation);
      });
    };
    ask(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);
  return <ReceivedChangesContext.Provider value={generation}>{children}</ReceivedChangesContext.Provider>;
}

/** How many times changes from other laptops have arrived: a dependency for reloading shared views. */
export function useReceivedChanges(): number {
  return useContext(ReceivedChangesContext);
}
