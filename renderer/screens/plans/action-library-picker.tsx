import type { LibraryActionEntry } from '../../../core/schemas/config/action-library';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';

/**
 * The partnership's common actions, grouped by discipline: one press adds the action as a new row
 * of the plan (what, kind, discipline, and the due date from its usual time). Open from the start,
 * since it is the quickest way to draft; Settings, Action library edits it.
 */
export function ActionLibraryPicker({ config, onPick }: { config: PartnershipConfig; onPick: (entry: LibraryActionEntry) => void }) {
  const groups = config.disciplines
    .filter((discipline) => discipline.active)
    .map((discipline) => ({
      discipline,
      entries: config.actionLibrary.filter((entry) => entry.active && entry.disciplineCode === discipline.code),
    }))
    .filter((group) => group.entries.length > 0);
  if (groups.length === 0) return null;
  return (
    <details className="nhsuk-details ww-library" open>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Common actions (add with one press)</span>
      </summary>
      <div className="nhsuk-details__text ww-library__groups" data-testid="action-library">
        {groups.map(({ discipline, entries }) => (
          <div key={discipline.code} className="ww-library__group" role="group" aria-labelledby={`library-${discipline.code}`}>
            <p className="ww-library__discipline" id={`library-${discipline.code}`}>
              {discipline.label}
            </p>
            <ul className="ww-library__list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <button type="button" className="ww-library__add" onClick={() => onPick(entry)}>
                    <span aria-hidden="true">+ </span>
                    {entry.description}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}
