/**
 * Native save and open dialogs for backups, so in Electron the administrator picks where a backup
 * goes (or which one to restore) instead of typing a path. Takes Electron's `dialog` (or a fake)
 * and the window to attach the sheet to; the services layer receives only the chosen path.
 */

export type BackupDialogPurpose = 'save' | 'open';

/** The part of Electron's dialog this uses, with the window already bound. */
export interface BackupDialogs {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: Array<{ name: string; extensions: string[] }>;
    properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    title: string;
    filters: Array<{ name: string; extensions: string[] }>;
    properties: Array<'openFile'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

const FILTERS = [{ name: 'WorkWell MDT backup', extensions: ['wwbackup'] }];

/** Asks where to save a backup or which to restore; null when the person cancels. */
export function chooseBackupFileWith(dialogs: BackupDialogs) {
  return async (purpose: BackupDialogPurpose, suggestedName: string): Promise<string | null> => {
    if (purpose === 'save') {
      const result = await dialogs.showSaveDialog({
        title: 'Save the backup',
        defaultPath: suggestedName,
        filters: FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    }
    const result = await dialogs.showOpenDialog({ title: 'Choose a backup to restore', filters: FILTERS, properties: ['openFile'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
