import { describe, expect, it } from 'vitest';
import { chooseBackupFileWith, type BackupDialogs } from '../../../electron/backup-file-dialog';

function fakeDialogs(answers: { save?: { canceled: boolean; filePath?: string }; open?: { canceled: boolean; filePaths: string[] } }) {
  const asked: unknown[] = [];
  const dialogs: BackupDialogs = {
    showSaveDialog: async (options) => {
      asked.push(options);
      return answers.save ?? { canceled: true };
    },
    showOpenDialog: async (options) => {
      asked.push(options);
      return answers.open ?? { canceled: true, filePaths: [] };
    },
  };
  return { dialogs, asked };
}

describe('backup file dialogs', () => {
  it('returns the chosen save path, suggesting the dated name and only .wwbackup files', async () => {
    const { dialogs, asked } = fakeDialogs({ save: { canceled: false, filePath: '/media/usb/b.wwbackup' } });
    expect(await chooseBackupFileWith(dialogs)('save', 'workwell-backup-2026-11-30.wwbackup')).toBe('/media/usb/b.wwbackup');
    expect(asked[0]).toMatchObject({ defaultPath: 'workwell-backup-2026-11-30.wwbackup', filters: [{ extensions: ['wwbackup'] }] });
  });

  it('returns the chosen backup to open, and null when cancelled', async () => {
    expect(
      await chooseBackupFileWith(fakeDialogs({ open: { canceled: false, filePaths: ['/media/usb/b.wwbackup'] } }).dialogs)('open', ''),
    ).toBe('/media/usb/b.wwbackup');
    expect(await chooseBackupFileWith(fakeDialogs({}).dialogs)('open', '')).toBeNull();
    expect(await chooseBackupFileWith(fakeDialogs({}).dialogs)('save', 'x.wwbackup')).toBeNull();
  });
});
