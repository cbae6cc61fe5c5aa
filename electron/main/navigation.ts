/**
 * The window may only ever show our own app:// pages. Navigation elsewhere, new windows and
 * permission requests are denied (Electron security checklist items 12–14); a link the user
 * clicks goes to safeOpenExternal, which asks first.
 */
import type { WebContents } from 'electron';

export const appScheme = 'app';
export const appHost = 'archivist';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Only app://archivist/… is ours; compared on the parsed origin, never by string prefix. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${appScheme}:` &&
      url.host === appHost &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

/** Locks a window's webContents down; `openLink` receives links the user tried to follow. */
export function lockDownNavigation(contents: WebContents, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openLink(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  contents.session.setPermissionCheckHandler(() => false);
}
