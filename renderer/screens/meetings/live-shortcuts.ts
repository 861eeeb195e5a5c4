import { useEffect, useRef } from 'react';

/**
 * The keyboard shortcuts of meeting mode. Alt plus a letter, matched by physical key so they work
 * whatever the keyboard layout produces, and chosen not to clash with the browser's own. The
 * presentation view is a single P (as in presentation software), never while typing in a field.
 */
export const LIVE_SHORTCUTS = [
  { code: 'KeyN', alt: true, keys: 'Alt+N', action: 'next', label: 'Next case' },
  { code: 'KeyP', alt: true, keys: 'Alt+P', action: 'previous', label: 'Previous case' },
  { code: 'KeyT', alt: true, keys: 'Alt+T', action: 'timer', label: 'Pause or restart the timer' },
  { code: 'KeyS', alt: true, keys: 'Alt+S', action: 'save', label: 'Save the notes now' },
  { code: 'KeyJ', alt: true, keys: 'Alt+J', action: 'notes', label: 'Jump to the discussion notes' },
  { code: 'KeyP', alt: false, keys: 'P', action: 'present', label: 'Presentation view for the projector (P or Escape leaves it)' },
] as const;
export type LiveShortcutAction = (typeof LIVE_SHORTCUTS)[number]['action'];

/** Whether a key press is typing: into a text field, a text area, a select or anything editable. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

/** Calls `onShortcut` for meeting-mode shortcuts pressed anywhere on the page, unless `enabled` is false. */
export function useLiveShortcuts(enabled: boolean, onShortcut: (action: LiveShortcutAction) => void): void {
  const handler = useRef(onShortcut);
  handler.current = onShortcut;
  useEffect(() => {
    if (!enabled) return undefined;
    const listener = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      const shortcut = LIVE_SHORTCUTS.find((candidate) => candidate.code === event.code && candidate.alt === event.altKey);
      if (shortcut === undefined || (!shortcut.alt && (typingIn(event.target) || event.repeat))) return;
      event.preventDefault();
      handler.current(shortcut.action);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
