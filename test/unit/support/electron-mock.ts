/**
 * A stand-in for the `electron` module (the binary cannot run on CI machines; TOOLCHAIN.md).
 * Only the Electron boundary is mocked: everything behind it is the real code.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export const ipcMainHandlers = new Map<string, Listener>();
export const exposedInWorld = new Map<string, unknown>();

export const electronMock = {
  ipcMain: {
    handle: vi.fn((channel: string, listener: Listener) => ipcMainHandlers.set(channel, listener)),
  },
  ipcRenderer: {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposedInWorld.set(key, api)),
  },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) },
  shell: { openExternal: vi.fn(async () => undefined) },
  BrowserWindow: vi.fn(function BrowserWindow(this: { options: unknown }, options: unknown) {
    this.options = options;
  }),
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
};

/** A fake webContents with the fields the main process reads. */
export function fakeWebContents(id: number, url = 'app://archivist/index.html') {
  const mainFrame = { url };
  const listeners = new Map<string, Listener>();
  return {
    id,
    mainFrame,
    isDestroyed: () => false,
    send: vi.fn(),
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: Listener) => listeners.set('window-open', handler)),
    session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    listeners,
  };
}
