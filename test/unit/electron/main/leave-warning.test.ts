/**
 * Review 11, finding 4: while an invalidation is sending the page refuses to unload, which
 * Electron turns into a silently cancelled reload or close. The main process asks instead.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, WebContents } from 'electron';
import { electronMock, fakeWebContents } from '../../support/electron-mock';

vi.mock('electron', () => electronMock);

const { askBeforeLeaving } = await import('../../../../electron/main/leave-warning');

function asked(choice: number, parent?: BrowserWindow) {
  const contents = fakeWebContents(1);
  const dialog = { showMessageBoxSync: vi.fn(() => choice) };
  askBeforeLeaving(contents as unknown as WebContents, dialog, () => parent);
  const event = { preventDefault: vi.fn() };
  contents.listeners.get('will-prevent-unload')!(event);
  return { dialog, event };
}

describe('asking before a page that refuses to unload goes', () => {
  it('lets the page go when the user chooses "Leave anyway"', () => {
    const { dialog, event } = asked(1);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Stay', 'Leave anyway'], cancelId: 0 }),
    );
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('keeps the page when the user stays or dismisses the question', () => {
    expect(asked(0).event.preventDefault).not.toHaveBeenCalled();
  });

  it('asks over the window when there is one', () => {
    const window = {} as BrowserWindow;
    const { dialog } = asked(0, window);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(window, expect.any(Object));
  });
});
