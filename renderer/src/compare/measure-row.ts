/**
 * How the compare view's virtualisers measure a row without forcing layout. The library's own
 * measure reads offsetHeight when a row mounts, inside React's commit: on a 2 MB pair that forced
 * the first layout of every new row into the same task as creating them (a long task, issue 7).
 * Here a new row keeps its known or estimated size until the ResizeObserver (which the library
 * attaches to every row) reports its real one after the browser's own layout, in a later task.
 */
import type { Virtualizer } from '@tanstack/react-virtual';

export function measureWithoutLayout(estimate: number) {
  return (
    element: Element,
    entry: ResizeObserverEntry | undefined,
    instance: Virtualizer<HTMLDivElement, Element>,
  ): number => {
    const box = entry?.borderBoxSize?.[0];
    if (box) return Math.round(box.blockSize);
    const index = instance.indexFromElement(element);
    const key = instance.options.getItemKey(index);
    return instance.itemSizeCache.get(key) ?? estimate;
  };
}

/**
 * The pane's size from its ResizeObserver only. The library's own observer also reads the size
 * at once when the view mounts, which forces the layout of the rows just created inside React's
 * commit; until the observer's first report (after the browser's layout) `initialRect` stands.
 */
export function observePaneWithoutLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  report: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const pane = instance.scrollElement;
  if (!pane || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.borderBoxSize?.[0];
    if (box) report({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(pane, { box: 'border-box' });
  return () => observer.disconnect();
}
