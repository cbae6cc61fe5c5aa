/**
 * The Environments screen's open dialog (Electron's dialog is the boundary, so a recording
 * stand-in takes its place): folders for folder profiles, certificate files with their
 * extensions, attached to the window when there is one, and a cancel answers nothing.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { chooseProfilePath, profileDialogOptions } from '../../../../electron/main/profile-dialog';

function recordingDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const calls: unknown[][] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args);
      return answer;
    },
  } as unknown as Pick<Dialog, 'showOpenDialog'>;
  return { dialog, calls };
}

describe('profile dialog', () => {
  it('asks for a folder for folder profiles and for files with their extensions otherwise', () => {
    expect(profileDialogOptions('folder')).toEqual({ properties: ['openDirectory'] });
    const pkcs12 = profileDialogOptions('pkcs12');
    expect(pkcs12.properties).toEqual(['openFile']);
    expect(pkcs12.filters?.[0]).toEqual({ name: 'PKCS#12', extensions: ['p12', 'pfx'] });
    expect(pkcs12.filters?.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    expect(profileDialogOptions('caFile').filters?.[0]?.extensions).toContain('pem');
  });

  it('answers the chosen path, attached to the window, and nothing when cancelled', async () => {
    const window = {} as BrowserWindow;
    const picked = recordingDialog({ canceled: false, filePaths: ['/certs/client.p12'] });
    expect(await chooseProfilePath(picked.dialog, () => window)('pkcs12')).toBe(
      '/certs/client.p12',
    );
    expect(picked.calls[0]?.[0]).toBe(window);
    expect((picked.calls[0]?.[1] as OpenDialogOptions).properties).toEqual(['openFile']);
    const cancelled = recordingDialog({ canceled: true, filePaths: [] });
    expect(await chooseProfilePath(cancelled.dialog, () => undefined)('folder')).toBeUndefined();
    expect(cancelled.calls[0]).toEqual([{ properties: ['openDirectory'] }]);
  });
});
