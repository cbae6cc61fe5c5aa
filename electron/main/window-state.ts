/**
 * Remembers the main window's size and position between runs. A saved position is used only if
 * it is still mostly on a connected display (monitors come and go).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: WindowBounds;
  readonly isMaximized: boolean;
}

export const defaultWindowSize = { width: 1280, height: 820 } as const;
export const minimumWindowSize = { width: 800, height: 560 } as const;
const fileName = 'window-state.json';

function isBounds(raw: unknown): raw is WindowBounds {
  if (typeof raw !== 'object' || raw === null) return false;
  const { x, y, width, height } = raw as Record<string, unknown>;
  return [x, y, width, height].every(
    (value) => typeof value === 'number' && Number.isFinite(value),
  );
}

/** The saved bounds if at least half of the window is on one of `displays`, else undefined. */
export function fitToDisplays(
  bounds: WindowBounds,
  displays: readonly WindowBounds[],
): WindowBounds | undefined {
  if (bounds.width < minimumWindowSize.width || bounds.height < minimumWindowSize.height)
    return undefined;
  const area = bounds.width * bounds.height;
  const visible = displays.some((display) => {
    const width =
      Math.min(bounds.x + bounds.width, display.x + display.width) - Math.max(bounds.x, display.x);
    const height =
      Math.min(bounds.y + bounds.height, display.y + display.height) -
      Math.max(bounds.y, display.y);
    return width > 0 && height > 0 && width * height >= area / 2;
  });
  return visible ? bounds : undefined;
}

export async function loadWindowState(home: string): Promise<WindowState | undefined> {
  try {
    const raw: unknown = JSON.parse(await readFile(path.join(home, fileName), 'utf8'));
    const candidate = raw as Partial<WindowState>;
    if (!isBounds(candidate.bounds)) return undefined;
    return { bounds: candidate.bounds, isMaximized: candidate.isMaximized === true };
  } catch {
    return undefined; // first run, or a damaged file: fall back to the default size
  }
}

/** Writes through a temporary file so a crash never leaves half a file. */
export async function saveWindowState(home: string, state: WindowState): Promise<void> {
  const target = path.join(home, fileName);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, target);
}
