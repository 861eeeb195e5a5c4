import { todayInLondon } from '../../../core/clock';
import { DUE_SHORTCUT_LABELS, DUE_SHORTCUT_WORDS, DUE_SHORTCUTS, dueDateFrom } from '../../../core/plans/due-shortcuts';

/**
 * "+1 week", "+2 weeks", "+1 month" beside a date field: one press sets the date from today in
 * England (the app's clock). `labelFor` gives each button's accessible name from "in 1 week".
 */
export function DueShortcutButtons({ labelFor, onPick }: { labelFor: (words: string) => string; onPick: (isoDate: string) => void }) {
  return (
    <span className="ww-due-shortcuts">
      {DUE_SHORTCUTS.map((shortcut) => (
        <button
          key={shortcut}
          type="button"
          className="ww-due-shortcut"
          aria-label={labelFor(DUE_SHORTCUT_WORDS[shortcut])}
          onClick={() => onPick(dueDateFrom(todayInLondon(), shortcut))}
        >
          {DUE_SHORTCUT_LABELS[shortcut]}
        </button>
      ))}
    </span>
  );
}
