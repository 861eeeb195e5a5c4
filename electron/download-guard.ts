import type { DownloadItem, Event, SaveDialogOptions, Session } from 'electron';

/** Save dialog filters by the file's extension: the documents and exports the app hands over. */
const FILTERS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  csv: { name: 'CSV file', extensions: ['csv'] },
  json: { name: 'JSON file', extensions: ['json'] },
};

/**
 * A download the app itself made from bytes in the page (`blob:` from a Download PDF or export
 * button) gets a save dialog with its suggested name; anything else (a link to the outside, a
 * `data:` URL) is cancelled. The navigation guards already stop remote requests; this keeps a
 * download from ever being written without the user choosing where.
 */
export function saveDialogFor(url: string, fileName: string): SaveDialogOptions | null {
  if (!url.startsWith('blob:')) return null;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const filter = FILTERS[extension];
  return { title: 'Save a copy', defaultPath: fileName, ...(filter === undefined ? {} : { filters: [filter] }) };
}

/** Installs the download rule on the app's session. */
export function installDownloadGuard(session: Pick<Session, 'on'>): void {
  session.on('will-download', (event: Event, item: DownloadItem) => {
    const options = saveDialogFor(item.getURL(), item.getFilename());
    if (options === null) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(options);
  });
}
