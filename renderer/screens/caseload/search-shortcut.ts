import { useEffect } from 'react';
import type { KeyboardShortcut } from '../../components/keyboard-shortcuts';

/** "/" puts the cursor in the caseload search, as in many web apps; listed on the caseload. */
export const SEARCH_SHORTCUT: KeyboardShortcut = { keys: '/', label: 'Search the caseload' };

/** Whether a key press is typing into a field, where "/" is just a character. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** While the caseload is shown, "/" (outside a field) focuses its search box. */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const search = document.getElementById('caseload-search');
      if (search === null) return;
      event.preventDefault();
      search.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
