/**
 * Main process entry: lifecycle only. Everything it wires up lives in its own module, and all
 * real work happens in electron/services, which the command line and the browser harness share.
 */
import { app, BrowserWindow, dialog, safeStorage, screen } from 'electron';
import path from 'node:path';
import { homeForProcess } from '../services/home';
import { createHandlers, missingHandlers } from '../services/handlers';
import { electronPdfPrinter } from '../services/report/pdf-printer';
import { createSafeStorageSecretStore } from '../services/profiles/safe-storage-secret-store';
import { startAppWorkspace, type AppWorkspace } from '../services/workspace/app-workspace';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { safeOpenExternal } from './external-links';
import { chooseProfilePath } from './profile-dialog';
import { registerIpcHandlers, sendEvent } from './ipc';
import { askBeforeLeaving } from './leave-warning';
import { installMenu } from './menu';
import { appEntryUrl, lockDownNavigation } from './navigation';
import { createMainWindow } from './window';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

const distRoot = path.resolve(__dirname, '..');
const documentationUrl = 'https://www.kanta.fi/en/system-developers';
const devTools = process.argv.includes('--devtools');
const homeArgument = process.argv
  .find((argument) => argument.startsWith('--home='))
  ?.slice('--home='.length);
const home = homeForProcess(homeArgument);

let mainWindow: BrowserWindow | undefined;
let appWorkspace: AppWorkspace | undefined;

async function chooseFileToCompare(): Promise<string | undefined> {
  const options = { properties: ['openFile' as const] };
  const chosen = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  return chosen.canceled ? undefined : chosen.filePaths[0];
}

async function chooseReportFile(suggestedName: string): Promise<string | undefined> {
  const options = { defaultPath: suggestedName };
  const chosen = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  return chosen.canceled ? undefined : chosen.filePath;
}

async function openMainWindow(): Promise<void> {
  const saved = await loadWindowState(home);
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const window = createMainWindow({
    preloadPath: path.join(distRoot, 'preload', 'index.cjs'),
    bounds: saved ? fitToDisplays(saved.bounds, displays) : undefined,
    devTools,
  });
  mainWindow = window;
  lockDownNavigation(window.webContents, (url) => void safeOpenExternal(url, window));
  askBeforeLeaving(window.webContents, dialog, () => window);
  window.once('ready-to-show', () => {
    if (saved?.isMaximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    void saveWindowState(home, {
      bounds: window.getNormalBounds(),
      isMaximized: window.isMaximized(),
    }).catch(() => undefined);
  });
  window.on('closed', () => {
    mainWindow = undefined;
    // The window's comparisons (patient data kept for its line, narrative and export requests)
    // go with it, also where closing the window does not quit the app (macOS).
    appWorkspace?.workspace.forgetComparisons();
  });
  await window.loadURL(appEntryUrl);
}

/** A bug in a background task must not take the window (and unsaved work) down with it. */
function keepRunningOnUnexpectedErrors(): void {
  process.on('uncaughtException', (error) =>
    console.error('Unexpected error in the main process:', error),
  );
  process.on('unhandledRejection', (reason) =>
    console.error('Unhandled rejection in the main process:', reason),
  );
}

function start(): void {
  keepRunningOnUnexpectedErrors();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setPath('userData', home);
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void appWorkspace?.close();
  });
  void app.whenReady().then(async () => {
    // The local sandbox starts with the app, so a first run has an environment to search.
    // Certificate passphrases come from the OS keychain through safeStorage (never plain text).
    const secrets = createSafeStorageSecretStore(home, safeStorage);
    const started = await startAppWorkspace({ home, connect: { secrets } });
    if (started.ok) appWorkspace = started.value;
    else console.error(started.error.message);
    const handlers = createHandlers({
      home,
      openLink: (url) => safeOpenExternal(url, mainWindow),
      ...(appWorkspace ? { workspace: appWorkspace.workspace } : {}),
      publish: (name, payload) => sendEvent(mainWindow?.webContents, name, payload),
      chooseFile: chooseFileToCompare,
      saveFile: chooseReportFile,
      choosePath: chooseProfilePath(dialog, () => mainWindow),
      // A hidden, script-free window renders the report's own HTML for printToPDF.
      pdfPrinter: electronPdfPrinter(
        () =>
          new BrowserWindow({
            show: false,
            webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
          }),
      ),
    });
    const missing = missingHandlers(handlers);
    if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);
    handleAppProtocol(path.join(distRoot, 'renderer'));
    registerIpcHandlers(handlers, () => mainWindow?.webContents);
    installMenu({
      sendCommand: (command) => sendEvent(mainWindow?.webContents, 'app:menu-command', { command }),
      openDocumentation: () => void safeOpenExternal(documentationUrl, mainWindow),
      isMac: process.platform === 'darwin',
      devTools,
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
    });
    await openMainWindow();
  });
}

start();
