/** One keyboard shortcut as a screen lists it: the keys, and what they do. */
export interface KeyboardShortcut {
  /** As typed, with + between keys held together: "Ctrl+K", "Alt+N", "/". */
  readonly keys: string;
  readonly label: string;
}

/** The shortcut every screen of the unlocked app has: the command palette (renderer/components/command-palette.tsx). */
export const GO_TO_SHORTCUT: KeyboardShortcut = { keys: 'Ctrl+K', label: 'Go to a person (by name, NHS number or reference) or a screen' };

/**
 * "Keyboard shortcuts": a closed NHS details element listing a screen's shortcuts, so they can be
 * found without being in the way. Give it the screen's own shortcuts; the palette's is always listed
 * first. Meeting mode can pass its LIVE_SHORTCUTS (they have `keys` and `label`).
 */
export function KeyboardShortcuts({ shortcuts = [] }: { shortcuts?: readonly KeyboardShortcut[] }) {
  const all = [GO_TO_SHORTCUT, ...shortcuts];
  return (
    <details className="nhsuk-details ww-shortcuts-details" data-testid="keyboard-shortcuts">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Keyboard shortcuts</span>
      </summary>
      <div className="nhsuk-details__text">
        <dl className="ww-shortcuts">
          {all.map((shortcut) => (
            <div key={shortcut.keys}>
              <dt>
                {shortcut.keys.split('+').map((key, index) => (
                  <span key={key}>
                    {index > 0 && '+'}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{shortcut.label}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
