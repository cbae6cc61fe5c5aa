import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompareLinesRequest } from '../../../../../shared/ipc/compare-types';
import { err, ok } from '../../../../../shared/result';
import {
  areLinesReady,
  chunkLines,
  createLineCache,
  fetchesPerTask,
  joinedGap,
  joinedRuns,
  lineText,
  type FetchLines,
} from '../../../../../renderer/src/compare/line-cache';

let total = chunkLines * 2 + 7;
const textOf = (side: string, line: number) => `<${side} n="${line}"/>`;

/** Answers like main does: the asked range of a side, short at its end. */
function fakeMain(fail?: (request: CompareLinesRequest) => boolean) {
  const asked: CompareLinesRequest[] = [];
  const fetchLines: FetchLines = async (request) => {
    asked.push(request);
    if (fail?.(request))
      return err('compare-unknown', 'That comparison is no longer in memory; compare again.');
    const end = Math.min(total, request.start + request.count);
    const lines: string[] = [];
    for (let line = request.start; line < end; line++) lines.push(textOf(request.side, line));
    return ok({ start: request.start, lines, total });
  };
  return { asked, fetchLines };
}

/** Resolves after the cache's next onLoaded. */
function loadedOnce() {
  let resolve = () => {};
  const next = new Promise<void>((r) => (resolve = r));
  return { next, onLoaded: () => resolve() };
}

describe('line cache', () => {
  it('shows a placeholder sentence, fetches the line chunk once, then the text', async () => {
    const main = fakeMain();
    const loaded = loadedOnce();
    const cache = createLineCache(
      'c1',
      { left: total, right: 3 },
      main.fetchLines,
      loaded.onLoaded,
    );
    const first = cache.left.at(chunkLines + 5);
    expect(first).toEqual({ kind: 'loading' });
    expect(lineText(first)).toBe('Loading line…');
    expect(cache.left.at(chunkLines + 6)).toEqual({ kind: 'loading' });
    await loaded.next;
    expect(main.asked).toEqual([
      { compareId: 'c1', side: 'left', start: chunkLines, count: chunkLines },
    ]);
    expect(cache.left.at(chunkLines + 5)).toEqual({
      kind: 'text',
      text: textOf('left', chunkLines + 5),
    });
    expect(cache.version()).toBe(1);
  });

  it('asks for only the lines that exist in the last chunk', async () => {
    const main = fakeMain();
    const loaded = loadedOnce();
    const cache = createLineCache(
      'c2',
      { left: total, right: total },
      main.fetchLines,
      loaded.onLoaded,
    );
    cache.right.at(total - 1);
    await loaded.next;
    expect(main.asked).toEqual([
      { compareId: 'c2', side: 'right', start: chunkLines * 2, count: 7 },
    ]);
    expect(lineText(cache.right.at(total - 1))).toBe(textOf('right', total - 1));
  });

  it('says why a line is missing when main refuses, never a blank', async () => {
    const main = fakeMain(() => true);
    const loaded = loadedOnce();
    const cache = createLineCache(
      'c3',
      { left: total, right: total },
      main.fetchLines,
      loaded.onLoaded,
    );
    cache.left.at(0);
    await loaded.next;
    const state = cache.left.at(0);
    expect(state.kind).toBe('failed');
    expect(lineText(state)).toBe(
      'This line could not be loaded: That comparison is no longer in memory; compare again.',
    );
    expect(lineText(cache.left.at(total))).toBe(
      `This line could not be loaded: line ${total + 1} is outside the document.`,
    );
  });

  it('gives the same state object for a line every time, so a memoised row is not drawn again', async () => {
    const main = fakeMain((request) => request.side === 'right');
    const loaded = loadedOnce();
    const cache = createLineCache(
      'c5',
      { left: total, right: total },
      main.fetchLines,
      loaded.onLoaded,
    );
    expect(cache.left.at(3)).toBe(cache.left.at(3));
    cache.right.at(3);
    await loaded.next;
    await vi.waitFor(() => expect(cache.left.at(3).kind).toBe('text'));
    await vi.waitFor(() => expect(cache.right.at(3).kind).toBe('failed'));
    const text = cache.left.at(3);
    expect(text).toEqual({ kind: 'text', text: textOf('left', 3) });
    expect(cache.left.at(3)).toBe(text);
    expect(cache.left.at(4)).not.toBe(text);
    const failed = cache.right.at(3);
    expect(failed.kind).toBe('failed');
    expect(cache.right.at(3)).toBe(failed);
  });

  it('says the workspace did not answer when the bridge itself fails', async () => {
    const loaded = loadedOnce();
    const cache = createLineCache(
      'c4',
      { left: 10, right: 10 },
      () => Promise.reject(new Error('gone')),
      loaded.onLoaded,
    );
    cache.right.at(2);
    await loaded.next;
    expect(lineText(cache.right.at(2))).toBe(
      'This line could not be loaded: the workspace did not answer.',
    );
  });

  describe('requests', () => {
    const saved = total;
    afterEach(() => {
      total = saved;
      vi.useRealTimers();
    });

    it('joins chunks a few apart into one run, and keeps far ones and duplicates apart', () => {
      expect(joinedRuns([joinedGap + 2, 0, 2, 40, 41, 2])).toEqual([
        [0, joinedGap + 2],
        [40, 41],
      ]);
      // A run stops within main's cap of 2,000 lines a request (31 chunks of 64).
      const spaced = Array.from({ length: 13 }, (_, k) => k * 3);
      expect(joinedRuns(spaced)).toEqual([
        [0, 30],
        [33, 36],
      ]);
    });

    it('fetches near chunks in one request and fills the chunk between them too', async () => {
      total = chunkLines * 10;
      const main = fakeMain();
      const loaded = loadedOnce();
      const cache = createLineCache(
        'c5',
        { left: total, right: total },
        main.fetchLines,
        loaded.onLoaded,
      );
      cache.left.at(3);
      cache.left.at(chunkLines * 2 + 1);
      await loaded.next;
      expect(main.asked).toEqual([
        { compareId: 'c5', side: 'left', start: 0, count: chunkLines * 3 },
      ]);
      expect(lineText(cache.left.at(chunkLines + 9))).toBe(textOf('left', chunkLines + 9));
      expect(lineText(cache.left.at(chunkLines * 2 + 1))).toBe(textOf('left', chunkLines * 2 + 1));
      expect(main.asked).toHaveLength(1);
    });

    it(`starts at most ${fetchesPerTask} requests a task and tells the view once a batch`, async () => {
      vi.useFakeTimers();
      total = chunkLines * 100;
      const main = fakeMain();
      let loads = 0;
      const cache = createLineCache(
        'c6',
        { left: total, right: total },
        main.fetchLines,
        () => loads++,
      );
      const far = Array.from({ length: fetchesPerTask + 2 }, (_, k) => k * (joinedGap + 1) * 2);
      for (const index of far) cache.left.at(index * chunkLines);
      await vi.advanceTimersToNextTimerAsync(); // plans the runs
      await vi.advanceTimersToNextTimerAsync(); // starts the first requests
      expect(main.asked).toHaveLength(fetchesPerTask);
      await vi.advanceTimersToNextTimerAsync();
      expect(main.asked).toHaveLength(far.length);
      await vi.runAllTimersAsync();
      expect(loads).toBeLessThanOrEqual(2);
      expect(loads).toBeGreaterThanOrEqual(1);
      for (const index of far)
        expect(lineText(cache.left.at(index * chunkLines))).toBe(
          textOf('left', index * chunkLines),
        );
    });

    it('says the first rows are ready only once their lines on both sides are there', async () => {
      const main = fakeMain();
      const loaded = loadedOnce();
      const cache = createLineCache(
        'c7',
        { left: total, right: total },
        main.fetchLines,
        loaded.onLoaded,
      );
      const rows = [
        { kind: 'same', left: 0, right: 0 },
        { kind: 'change', change: 0, pair: 0, left: 1, right: 1, side: 'both' },
        { kind: 'same', left: chunkLines + 2, right: chunkLines + 3 },
      ] as const;
      expect(areLinesReady(rows, cache, 1)).toBe(false);
      expect(areLinesReady(rows, undefined, 3)).toBe(true);
      await loaded.next;
      expect(areLinesReady(rows, cache, 2)).toBe(true);
      // The third row's chunk was not asked for until now.
      expect(areLinesReady(rows, cache, 3)).toBe(false);
    });
  });
});
