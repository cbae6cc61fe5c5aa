/**
 * "Reviewed" marks per change (issue 7), per comparison and its swapped twin (reviewed-keys.ts),
 * kept where they survive quitting the app (reviewed-persistence.ts). Clearing a comparison's
 * marks can be undone until the view is left.
 */
import { useCallback, useState } from 'react';
import {
  loadMarks,
  memoryStorage,
  saveMarks,
  type MarkStores,
  type MarksKeeping,
} from './reviewed-persistence';

/** Where sessionStorage cannot be reached either: marks last until the window reloads. */
const fallbackSession = memoryStorage();

function storageOf(pick: () => Storage): Storage | undefined {
  try {
    return pick();
  } catch {
    // A SecurityError where the browser's site data is turned off.
    return undefined;
  }
}

function windowStores(): MarkStores {
  return {
    lasting: storageOf(() => window.localStorage),
    session: storageOf(() => window.sessionStorage) ?? fallbackSession,
  };
}

interface MarksState {
  readonly address: string;
  readonly marks: ReadonlySet<string>;
  readonly keeping: MarksKeeping;
  /** The marks the last clear took away, while it can be undone. */
  readonly cleared?: ReadonlySet<string>;
}

function load(address: string): MarksState {
  return { address, ...loadMarks(windowStores(), address) };
}

/** `marks` stored for the state's comparison; storing again gives the same result (StrictMode). */
function stored(old: MarksState, marks: ReadonlySet<string>, cleared?: ReadonlySet<string>) {
  const keeping = saveMarks(windowStores(), old.address, marks);
  return { address: old.address, marks, keeping, ...(cleared ? { cleared } : {}) };
}

/** The marks of one comparison (by its scope's address, reviewed-keys.ts) and what changes them. */
export function useReviewedMarks(address: string): {
  reviewed: ReadonlySet<string>;
  keeping: MarksKeeping;
  /** How many marks the last clear took away, while it can be undone. */
  clearedCount: number | undefined;
  toggle: (key: string) => void;
  clear: () => void;
  undoClear: () => void;
} {
  const [state, setState] = useState(() => load(address));
  // Another comparison in the same view: its own marks, read during render rather than after.
  let current = state;
  if (state.address !== address) {
    current = load(address);
    setState(current);
  }
  const toggle = useCallback((key: string) => {
    setState((old) => {
      const marks = new Set(old.marks);
      if (!marks.delete(key)) marks.add(key);
      return stored(old, marks, old.cleared);
    });
  }, []);
  const clear = useCallback(() => {
    setState((old) => (old.marks.size === 0 ? old : stored(old, new Set(), old.marks)));
  }, []);
  // Marks made after the clear stay: the undo gives back, it takes nothing away.
  const undoClear = useCallback(() => {
    setState((old) => (old.cleared ? stored(old, new Set([...old.cleared, ...old.marks])) : old));
  }, []);
  return {
    reviewed: current.marks,
    keeping: current.keeping,
    clearedCount: current.cleared?.size,
    toggle,
    clear,
    undoClear,
  };
}
