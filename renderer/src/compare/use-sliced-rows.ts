/**
 * How the compare view's virtualised lists put their rows on screen without a long task on the UI
 * thread (issue 7). Traces of a 2 MB pair showed two causes: the virtualiser scrolls its pane when
 * it attaches, which forces the layout of every row already mounted inside React's commit; and a
 * screen of rows created in one commit is then laid out and painted in one frame (tens of ms of
 * CPU, several times that in wall time on a loaded machine). So a list mounts empty, attaches,
 * and then gets its rows a few per frame: each frame creates, lays out and paints one slice.
 */
import { useEffect, useState } from 'react';
import { afterPaint } from './after-paint';

/**
 * False for the first commit, true from the next task on: the list's rows are counted only once
 * the virtualiser has attached to its (still empty, so cheaply laid out) pane.
 */
export function useAttached(): boolean {
  const [isAttached, setAttached] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAttached(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return isAttached;
}

/**
 * The items to render now: those already on screen, plus at most `perSlice` new ones. While some
 * are held back, the next slice is added after the browser has painted this one (after-paint.ts),
 * so the layout of each slice happens in a frame of its own rather than all together.
 * Items come in the virtualiser's order (top first), so the top of the view fills in first.
 */
export function useSlicedRows<T extends { readonly key: string | number | bigint }>(
  items: readonly T[],
  perSlice: number,
): readonly T[] {
  const [onScreen, setOnScreen] = useState<ReadonlySet<T['key']>>(() => new Set());
  let fresh = 0;
  const shown = items.filter((item) => onScreen.has(item.key) || fresh++ < perSlice);
  const isHolding = shown.length < items.length;
  const shownKeys = shown.map((item) => String(item.key)).join(',');
  useEffect(() => {
    if (!isHolding) return;
    const keys = new Set<T['key']>(shown.map((item) => item.key));
    return afterPaint(() => setOnScreen(keys));
    // `shownKeys` stands for `shown`: a new slice is planned only when what is shown changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownKeys, isHolding]);
  return isHolding ? shown : items;
}
