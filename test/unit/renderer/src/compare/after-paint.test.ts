import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../../../renderer/src/compare/after-paint';

// A frame every 16 ms, as a browser's requestAnimationFrame (the unit tests run in Node); the
// task after it takes the fake clock's 1 ms more, so a step is due 17 ms after the one before.
const frameMs = 16;
const step = frameMs + 1;

describe('afterPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, frameMs));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs steps asked for together one per frame, in the order they were asked for', async () => {
    const ran: string[] = [];
    afterPaint(() => ran.push('change list'));
    afterPaint(() => ran.push('diff'));
    afterPaint(() => ran.push('rows'));
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(step);
    expect(ran).toEqual(['change list']);
    await vi.advanceTimersByTimeAsync(step);
    expect(ran).toEqual(['change list', 'diff']);
    await vi.advanceTimersByTimeAsync(step);
    expect(ran).toEqual(['change list', 'diff', 'rows']);
    // Nothing left: no further frame is asked for, and a new step gets the next one.
    await vi.advanceTimersByTimeAsync(step * 3);
    afterPaint(() => ran.push('later'));
    await vi.advanceTimersByTimeAsync(step);
    expect(ran).toEqual(['change list', 'diff', 'rows', 'later']);
  });

  it('never runs a cancelled step, and the next one takes its frame', async () => {
    const ran: string[] = [];
    const cancel = afterPaint(() => ran.push('gone'));
    afterPaint(() => ran.push('kept'));
    cancel();
    await vi.advanceTimersByTimeAsync(step);
    expect(ran).toEqual(['kept']);
    await vi.advanceTimersByTimeAsync(step * 3);
    expect(ran).toEqual(['kept']);
  });
});
