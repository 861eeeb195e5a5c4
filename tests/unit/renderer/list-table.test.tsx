import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListTable } from '../../../renderer/components/list-table';

interface Entry {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly builtin: boolean;
}

const ENTRIES: readonly Entry[] = [
  { id: 'a', name: 'Dietetics', active: true, builtin: false },
  { id: 'b', name: 'Physiotherapy', active: false, builtin: true },
];

const columns = [
  { header: 'Discipline', rowHeader: true, cell: (entry: Entry) => entry.name },
  { header: 'Type', className: 'ww-nowrap', cell: (entry: Entry) => (entry.builtin ? 'Built in' : 'Local') },
];

describe('ListTable', () => {
  it('is an NHS table with a caption for screen readers and scope="col" headings', () => {
    const html = renderToStaticMarkup(
      <ListTable caption="Disciplines" testId="disciplines-table" rows={ENTRIES} rowKey={(entry) => entry.id} columns={columns} />,
    );
    expect(html).toContain('<table class="nhsuk-table" data-testid="disciplines-table">');
    expect(html).toContain('<caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Disciplines</caption>');
    expect(html).toContain(
      '<th scope="col" class="nhsuk-table__header">Discipline</th><th scope="col" class="nhsuk-table__header">Type</th></tr>',
    );
    expect(html).toContain('<th scope="row" class="nhsuk-table__cell">Dietetics</th><td class="nhsuk-table__cell ww-nowrap">Local</td>');
    // No actions: no actions column.
    expect(html).not.toContain('Actions');
    expect(html).not.toContain('<button');
  });

  it('shows the caption when asked', () => {
    const html = renderToStaticMarkup(
      <ListTable
        caption="2 plans due for review"
        captionVisible
        testId="t"
        rows={ENTRIES}
        rowKey={(entry) => entry.id}
        columns={columns}
      />,
    );
    expect(html).toContain('<caption class="nhsuk-table__caption">2 plans due for review</caption>');
  });

  it('ends each row with its action buttons, each named after its row, only where the row offers them', () => {
    const html = renderToStaticMarkup(
      <ListTable
        caption="Disciplines"
        testId="t"
        rows={ENTRIES}
        rowKey={(entry) => entry.id}
        columns={columns}
        rowName={(entry) => entry.name}
        actions={[
          { label: 'Edit', shownFor: (entry) => !entry.builtin, id: (entry) => `edit-${entry.id}`, onClick: () => undefined },
          { label: (entry) => (entry.active ? 'Deactivate' : 'Reactivate'), onClick: () => undefined },
        ]}
      />,
    );
    expect(html).toContain('<th scope="col" class="nhsuk-table__header"><span class="nhsuk-u-visually-hidden">Actions</span></th>');
    expect(html).toContain(
      '<button type="button" id="edit-a" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-label="Edit Dietetics">Edit</button>',
    );
    expect(html).toContain('aria-label="Deactivate Dietetics">Deactivate</button>');
    expect(html).toContain('aria-label="Reactivate Physiotherapy">Reactivate</button>');
    expect(html).not.toContain('Edit Physiotherapy');
    expect(html.match(/<div class="ww-row-actions">/g)).toHaveLength(2);
  });

  it('leaves the actions cell empty when a row offers none', () => {
    const html = renderToStaticMarkup(
      <ListTable
        caption="Users"
        testId="t"
        rows={ENTRIES}
        rowKey={(entry) => entry.id}
        columns={columns}
        rowName={(entry) => entry.name}
        actions={[{ label: 'Revoke', shownFor: (entry) => entry.active, onClick: () => undefined }]}
      />,
    );
    expect(html).toContain('aria-label="Revoke Dietetics"');
    expect(html).toContain('<td class="nhsuk-table__cell ww-nowrap">Built in</td><td class="nhsuk-table__cell"></td></tr>');
  });
});
