import type { DownloadItem, SaveDialogOptions, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { installDownloadGuard, saveDialogFor } from '../../../electron/download-guard';
import { FakeSession, fakeEvent } from '../../support/fake-electron';

/** A download as Electron reports it, remembering the save dialog it was given. */
function fakeDownload(url: string, fileName: string) {
  const item = {
    dialog: undefined as SaveDialogOptions | undefined,
    getURL: () => url,
    getFilename: () => fileName,
    setSaveDialogOptions(options: SaveDialogOptions) {
      item.dialog = options;
    },
  };
  return item;
}

describe('the download guard', () => {
  it('gives a PDF made in the page a save dialog with its suggested name and a PDF filter', () => {
    const session = new FakeSession();
    installDownloadGuard(session as unknown as Session);
    const event = fakeEvent({});
    const item = fakeDownload('blob:app://workwell/6f1c2d3e-0000-4000-8000-000000000000', 'action-plan-WW-000123-v2.pdf');
    session.emit('will-download', event, item as unknown as DownloadItem);
    expect(event.defaultPrevented).toBe(false);
    expect(item.dialog).toEqual({
      title: 'Save a copy',
      defaultPath: 'action-plan-WW-000123-v2.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('cancels any download that did not come from bytes in the page', () => {
    const session = new FakeSession();
    installDownloadGuard(session as unknown as Session);
    for (const url of ['https://example.com/file.pdf', 'data:application/pdf;base64,JVBERi0=', 'file:///etc/passwd']) {
      const event = fakeEvent({});
      const item = fakeDownload(url, 'file.pdf');
      session.emit('will-download', event, item as unknown as DownloadItem);
      expect(event.defaultPrevented).toBe(true);
      expect(item.dialog).toBeUndefined();
    }
  });

  it('chooses the filter by extension and offers none for an unknown one', () => {
    expect(saveDialogFor('blob:app://workwell/x', 'mi-return-2026-11.csv')?.filters).toEqual([{ name: 'CSV file', extensions: ['csv'] }]);
    expect(saveDialogFor('blob:app://workwell/x', 'notes.txt')).toEqual({ title: 'Save a copy', defaultPath: 'notes.txt' });
  });
});
