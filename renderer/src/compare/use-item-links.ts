/**
 * The change list's links to the content changes (change-item-links.ts), prepared once per
 * comparison in the background: a few milliseconds of work after each painted frame
 * (after-paint.ts), so a large pair's 5,000 items never make a long task on the UI thread
 * (issue 7). Until they are ready, the list marks nothing.
 */
import { useEffect, useState } from 'react';
import { afterPaint } from './after-paint';
import {
  linkItemSteps,
  type ItemLinks,
  type LinkableItem,
} from '../../../shared/compare/change-item-links';
import type { ViewChange } from './diff-rows';

/** Work per step: well under a frame, so drawing and keys are never held up for long. */
const stepBudgetMs = 5;

/** The links of `items` to `changes`, or undefined while they are being prepared. */
export function useItemLinks<T extends LinkableItem>(
  changes: readonly ViewChange[],
  items: readonly T[],
): ItemLinks<T> | undefined {
  const [prepared, setPrepared] = useState<{
    readonly changes: readonly ViewChange[];
    readonly items: readonly T[];
    readonly links: ItemLinks<T>;
  }>();
  useEffect(() => {
    const steps = linkItemSteps(changes, items);
    const run = (): void => {
      const end = performance.now() + stepBudgetMs;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          setPrepared({ changes, items, links: next.value });
          return;
        }
        if (performance.now() >= end) {
          cancel = afterPaint(run);
          return;
        }
      }
    };
    let cancel = afterPaint(run);
    return () => cancel();
  }, [changes, items]);
  return prepared && prepared.changes === changes && prepared.items === items
    ? prepared.links
    : undefined;
}
