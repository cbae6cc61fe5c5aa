import { describe, expect, it, vi } from 'vitest';
import { electronMock } from '../../support/electron-mock';

vi.mock('electron', () => electronMock);

const { createMainWindow, hardenedWebPreferences } =
  await import('../../../../electron/main/window');

describe('window factory', () => {
  it('sets every hardening option explicitly', () => {
    const preferences = hardenedWebPreferences('/app/preload.cjs', { devTools: false });
    expect(preferences).toMatchObject({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
  });

  it('creates the window hidden, with those preferences and the remembered bounds', () => {
    const bounds = { x: 10, y: 20, width: 1000, height: 700 };
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      bounds,
      devTools: true,
    }) as unknown as { options: Record<string, unknown> };
    expect(window.options).toMatchObject({ ...bounds, show: false, title: 'Archivist' });
    expect(window.options.webPreferences).toEqual(
      hardenedWebPreferences('/p.cjs', { devTools: true }),
    );
  });

  it('falls back to the default size without remembered bounds', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      bounds: undefined,
      devTools: false,
    }) as unknown as { options: Record<string, unknown> };
    expect(window.options).toMatchObject({ width: 1280, height: 820 });
    expect(window.options).not.toHaveProperty('x');
  });
});
