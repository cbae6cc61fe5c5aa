import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { electronMock } from '../../support/electron-mock';

vi.mock('electron', () => electronMock);

const { menuTemplate } = await import('../../../../electron/main/menu');

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function build(overrides: Partial<Parameters<typeof menuTemplate>[0]> = {}) {
  const actions = {
    sendCommand: vi.fn(),
    openDocumentation: vi.fn(),
    isMac: false,
    devTools: false,
    ...overrides,
  };
  return { actions, items: flatten(menuTemplate(actions)) };
}

describe('application menu', () => {
  it('has the usual editing, zoom and window roles so platform shortcuts work', () => {
    const roles = build()
      .items.map((item) => item.role)
      .filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'quit',
        'windowMenu',
        'help',
      ]),
    );
  });

  it('offers developer tools only in development', () => {
    expect(build().items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build({ devTools: true }).items.some((item) => item.role === 'toggleDevTools')).toBe(
      true,
    );
  });

  it('uses the macOS application menu and close on macOS', () => {
    const roles = build({ isMac: true }).items.map((item) => item.role);
    expect(roles).toContain('appMenu');
    expect(roles).toContain('close');
  });

  it('sends About to the renderer and opens documentation through the safe path', () => {
    const { actions, items } = build();
    const about = items.find((item) => item.label === 'About Archivist')!;
    (about.click as () => void)();
    expect(actions.sendCommand).toHaveBeenCalledWith('show-about');
    (items.find((item) => item.label === 'Kanta Services for Developers')!.click as () => void)();
    expect(actions.openDocumentation).toHaveBeenCalled();
  });
});
