/**
 * "Reviewed" marks per change (issue 7), per comparison and its swapped twin (reviewed-keys.ts),
 * kept in the window's sessionStorage (reviewed-store.ts): leaving the view, reloading the window
 * or swapping the sides keeps them; quitting the app forgets them.
 */
import { useCallback, useState } from 'react';
import { readMarks, writeMarks } from './reviewed-store';

/** The window's sessionStorage, or undefined where it cannot be reached (then marks stay in memory). */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function load(address: string): ReadonlySet<string> {
  const storage = sessionStore();
  return storage ? readMarks(storage, address) : new Set();
}

/** The marks of one comparison (by its scope's address, reviewed-keys.ts) and a way to toggle one. */
export function useReviewedMarks(address: string): {
  reviewed: ReadonlySet<string>;
  toggle: (key: string) => void;
} {
  const [state, setState] = useState(() => ({ address, marks: load(address) }));
  // Another comparison in the same view: its own marks, read during render rather than after.
  let current = state;
  if (state.address !== address) {
    current = { address, marks: load(address) };
    setState(current);
  }
  const toggle = useCallback((key: string) => {
    setState((old) => {
      const marks = new Set(old.marks);
      if (!marks.delete(key)) marks.add(key);
      const storage = sessionStore();
      if (storage) writeMarks(storage, old.address, marks);
      return { address: old.address, marks };
    });
  }, []);
  return { reviewed: current.marks, toggle };
}
