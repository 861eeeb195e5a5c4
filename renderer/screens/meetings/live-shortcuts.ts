import { useEffect, useRef } from 'react';

/**
 * The keyboard shortcuts of meeting mode. Alt plus a letter, matched by physical key so they work
 * whatever the keyboard layout produces, and chosen not to clash with the browser's own.
 */
export const LIVE_SHORTCUTS = [
  { code: 'KeyN', keys: 'Alt+N', action: 'next', label: 'Next case' },
  { code: 'KeyP', keys: 'Alt+P', action: 'previous', label: 'Previous case' },
  { code: 'KeyT', keys: 'Alt+T', action: 'timer', label: 'Pause or restart the timer' },
  { code: 'KeyS', keys: 'Alt+S', action: 'save', label: 'Save the notes now' },
  { code: 'KeyJ', keys: 'Alt+J', action: 'notes', label: 'Jump to the discussion notes' },
] as const;
export type LiveShortcutAction = (typeof LIVE_SHORTCUTS)[number]['action'];

/** Calls `onShortcut` for meeting-mode shortcuts pressed anywhere on the page, unless `enabled` is false. */
export function useLiveShortcuts(enabled: boolean, onShortcut: (action: LiveShortcutAction) => void): void {
  const handler = useRef(onShortcut);
  handler.current = onShortcut;
  useEffect(() => {
    if (!enabled) return undefined;
    const listener = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const shortcut = LIVE_SHORTCUTS.find((candidate) => candidate.code === event.code);
      if (shortcut === undefined) return;
      event.preventDefault();
      handler.current(shortcut.action);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
