import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../../electron/main/window-state';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips through the home folder', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-window-'));
    const state = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, isMaximized: true };
    await saveWindowState(home, state);
    expect(await loadWindowState(home)).toEqual(state);
    expect(JSON.parse(readFileSync(path.join(home, 'window-state.json'), 'utf8'))).toEqual(state);
  });

  it('ignores a missing or damaged file', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'archivist-window-'));
    expect(await loadWindowState(home)).toBeUndefined();
    writeFileSync(path.join(home, 'window-state.json'), '{"bounds": {"x": "1"}}');
    expect(await loadWindowState(home)).toBeUndefined();
    writeFileSync(path.join(home, 'window-state.json'), 'not json');
    expect(await loadWindowState(home)).toBeUndefined();
  });

  it('keeps bounds that are on a display', () => {
    expect(fitToDisplays({ x: 100, y: 100, width: 1000, height: 700 }, [display])).toEqual({
      x: 100,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('drops bounds on a monitor that is gone, or mostly off-screen, or too small', () => {
    expect(fitToDisplays({ x: 3000, y: 0, width: 1000, height: 700 }, [display])).toBeUndefined();
    expect(fitToDisplays({ x: 1500, y: 0, width: 1000, height: 700 }, [display])).toBeUndefined();
    expect(fitToDisplays({ x: 0, y: 0, width: 100, height: 100 }, [display])).toBeUndefined();
  });

  it('accepts a window on a second monitor left of the primary', () => {
    expect(
      fitToDisplays({ x: -1800, y: 0, width: 1000, height: 700 }, [
        display,
        { x: -1920, y: 0, width: 1920, height: 1080 },
      ]),
    ).toBeDefined();
  });
});
