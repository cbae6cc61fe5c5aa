/**
 * "Reviewed" marks per change, kept in memory per comparison (issue 7): leaving the view and
 * coming back in the same window keeps them; a restart forgets them, as nothing is persisted.
 */
import { useCallback, useState } from 'react';

const marksByComparison = new Map<string, Set<string>>();

/** The marks of one comparison (by its address) and a way to toggle one. */
export function useReviewedMarks(comparisonKey: string): {
  reviewed: ReadonlySet<string>;
  toggle: (key: string) => void;
} {
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(
    () => new Set(marksByComparison.get(comparisonKey)),
  );
  const toggle = useCallback(
    (key: string) => {
      setReviewed((old) => {
        const next = new Set(old);
        if (!next.delete(key)) next.add(key);
        marksByComparison.set(comparisonKey, next);
        return next;
      });
    },
    [comparisonKey],
  );
  return { reviewed, toggle };
}
