import { describe, expect, it } from 'vitest';
import type { CompareLinesRequest } from '../../../../../shared/ipc/compare-types';
import { err, ok } from '../../../../../shared/result';
import {
  chunkLines,
  createLineCache,
  lineText,
  type FetchLines,
} from '../../../../../renderer/src/compare/line-cache';

const total = chunkLines * 2 + 7;
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
});
