import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock } from '../../support/electron-mock';
import { hostileUrls } from '../../support/hostile-urls';

vi.mock('electron', () => electronMock);

const { safeOpenExternal } = await import('../../../../electron/main/external-links');

describe('safeOpenExternal', () => {
  beforeEach(() => {
    electronMock.dialog.showMessageBox.mockClear();
    electronMock.shell.openExternal.mockClear();
  });

  it.each(hostileUrls)('never opens or even asks about %j', async (url) => {
    const result = await safeOpenExternal(url, undefined);
    expect(result.ok).toBe(false);
    expect(electronMock.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electronMock.shell.openExternal).not.toHaveBeenCalled();
  });

  it('asks first and does nothing when the user cancels', async () => {
    electronMock.dialog.showMessageBox.mockResolvedValueOnce({
      response: 1,
      checkboxChecked: false,
    });
    expect(await safeOpenExternal('https://www.kanta.fi/', undefined)).toEqual({
      ok: true,
      value: { opened: false },
    });
    expect(electronMock.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: 'https://www.kanta.fi/', cancelId: 1, defaultId: 1 }),
    );
    expect(electronMock.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens the normalised address after the user confirms', async () => {
    electronMock.dialog.showMessageBox.mockResolvedValueOnce({
      response: 0,
      checkboxChecked: false,
    });
    expect(await safeOpenExternal('https://WWW.KANTA.FI/a', undefined)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(electronMock.shell.openExternal).toHaveBeenCalledWith('https://www.kanta.fi/a');
  });
});
