import type { MouseEvent } from 'react';

/** One section of a person's record: the id of its wrapper and the name the contents list gives it. */
export interface RecordSection {
  readonly id: string;
  readonly title: string;
}

/**
 * "Contents": links to each section of the record. The URL fragment holds the app's route, so a
 * link does not change it: it scrolls to the section (below the banner) and moves focus there, so
 * the next Tab continues inside it.
 */
export function RecordContents({ sections, href }: { sections: readonly RecordSection[]; href: string }) {
  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };
  return (
    <nav className="ww-record-contents nhsuk-contents-list" aria-label="Contents" data-testid="record-contents">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Contents</h2>
      <ol>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={href} onClick={(event) => jump(event, section.id)}>
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
