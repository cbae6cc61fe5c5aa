import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { electronMock, fakeWebContents } from '../../support/electron-mock';
import { hostileUrls } from '../../support/hostile-urls';

vi.mock('electron', () => electronMock);

const { isAppUrl, lockDownNavigation } = await import('../../../../electron/main/navigation');

describe('navigation lock-down', () => {
  it.each([
    'app://archivist/index.html',
    'app://archivist/',
    'app://archivist/index.html#/documents?x=1',
  ])('allows our own page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each(hostileUrls.filter((url) => !url.startsWith('app://archivist/..')))(
    'refuses to navigate to %j',
    (url) => {
      expect(isAppUrl(url)).toBe(false);
    },
  );

  function lockedDown() {
    const contents = fakeWebContents(1);
    const openLink = vi.fn();
    lockDownNavigation(contents as unknown as WebContents, openLink);
    return { contents, openLink };
  }

  it('prevents navigation away and hands the link to the confirmation path', () => {
    const { contents, openLink } = lockedDown();
    const event = { preventDefault: vi.fn() };
    contents.listeners.get('will-navigate')!(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openLink).toHaveBeenCalledWith('https://evil.example/');
  });

  it('lets in-app navigation through', () => {
    const { contents, openLink } = lockedDown();
    const event = { preventDefault: vi.fn() };
    contents.listeners.get('will-navigate')!(event, 'app://archivist/index.html#/audit');
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openLink).not.toHaveBeenCalled();
  });

  it('denies every new window and webview, and every permission', () => {
    const { contents, openLink } = lockedDown();
    expect(contents.listeners.get('window-open')!({ url: 'https://www.kanta.fi/' })).toEqual({
      action: 'deny',
    });
    expect(openLink).toHaveBeenCalledWith('https://www.kanta.fi/');
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const [requestHandler] = contents.session.setPermissionRequestHandler.mock.calls[0] as [
      (...args: unknown[]) => void,
    ];
    const callback = vi.fn();
    requestHandler(contents, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const [checkHandler] = contents.session.setPermissionCheckHandler.mock.calls[0] as [
      () => boolean,
    ];
    expect(checkHandler()).toBe(false);
  });
});
