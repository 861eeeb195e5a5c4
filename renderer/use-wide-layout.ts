import { useEffect } from 'react';

/**
 * Data-heavy screens (the worklist, the caseload, a record) use the screen's width instead of the
 * design system's 960-pixel column: a class on <html> for as long as the screen is shown.
 */
export function useWideLayout(): void {
  useEffect(() => {
    document.documentElement.classList.add('ww-data-wide');
    return () => document.documentElement.classList.remove('ww-data-wide');
  }, []);
}
