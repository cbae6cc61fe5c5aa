/**
 * The one window factory. Every hardening option is set explicitly even where it is Electron's
 * default, so a future default change or a copy-paste cannot loosen it silently.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { defaultWindowSize, minimumWindowSize, type WindowBounds } from './window-state';

export function hardenedWebPreferences(
  preloadPath: string,
  options: { devTools: boolean },
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly bounds?: WindowBounds | undefined;
  readonly devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  return new BrowserWindow({
    ...(options.bounds ?? defaultWindowSize),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: 'Archivist',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: hardenedWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
}
