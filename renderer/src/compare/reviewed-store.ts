/**
 * Reviewed marks in one Storage (the window's localStorage, or sessionStorage as the fallback:
 * reviewed-persistence.ts). Only each comparison's address and its mark keys are stored
 * (reviewed-keys.ts), never document text: the patterns below admit canonical line numbers and
 * model paths made of field names and indexes, nothing a name or an identity code fits in
 * (a field name never starts with a digit, and holds no space). What is read may be stale, edited
 * or cut short: anything malformed or oversized is ignored as a whole, and the marks start empty.
 */

/** The one item holding every comparison's marks (the same key in both storages). */
export const reviewedStorageKey = 'archivist.reviewed-marks';
/** Longer stored values are ignored, and older comparisons are dropped to stay under it. */
export const maxStoredChars = 200_000;
/** Comparisons kept at most, the most recently used ones (issue 7: a tester's last few weeks). */
export const maxStoredComparisons = 50;

const addressPattern = /^#\/compare\?[\w%=&.*+-]{1,400}$/;
/** `c:LEFT:RIGHT` canonical lines, or `m:` and a model path such as `authors[1].role`. */
const markPattern =
  /^(?:c:\d{1,9}:\d{1,9}|m:[A-Za-z_][\w-]{0,63}(?:\[\d{1,6}\])*(?:\.[A-Za-z_][\w-]{0,63}(?:\[\d{1,6}\])*){0,15})$/;

/** One comparison's marks as stored. */
export interface StoredComparison {
  readonly address: string;
  readonly keys: readonly string[];
}

/** The part of Storage used here, so tests can pass a plain object. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** True for a mark key that may be stored: one of the two shapes, nothing else. */
export function isStorableMark(key: string): boolean {
  return markPattern.test(key);
}

function isStoredComparison(value: unknown): value is StoredComparison {
  if (typeof value !== 'object' || value === null) return false;
  const { address, keys } = value as Record<string, unknown>;
  return (
    typeof address === 'string' &&
    addressPattern.test(address) &&
    Array.isArray(keys) &&
    keys.every((key) => typeof key === 'string' && isStorableMark(key))
  );
}

/** Every stored comparison, oldest first; none when the value is missing, malformed or too long. */
export function readComparisons(storage: MarkStorage): StoredComparison[] {
  let text: string | null;
  try {
    text = storage.getItem(reviewedStorageKey);
  } catch {
    return [];
  }
  if (text === null || text.length > maxStoredChars) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const { version, comparisons } = parsed as Record<string, unknown>;
  if (version !== 1 || !Array.isArray(comparisons)) return [];
  if (comparisons.length > maxStoredComparisons || !comparisons.every(isStoredComparison))
    return [];
  return comparisons;
}

/** `comparisons` with `address` as the newest entry holding `marks` (none when they are empty). */
export function withMarks(
  comparisons: readonly StoredComparison[],
  address: string,
  marks: ReadonlySet<string>,
): StoredComparison[] {
  const keys = [...marks].filter(isStorableMark);
  const others = comparisons.filter((entry) => entry.address !== address);
  // At most half the room for one comparison, so the newest one always fits once older go.
  const fits = JSON.stringify(keys).length <= maxStoredChars / 2;
  return keys.length > 0 && fits ? [...others, { address, keys }] : others;
}

function serialise(comparisons: readonly StoredComparison[]): string {
  return JSON.stringify({ version: 1, comparisons });
}

/**
 * Writes `comparisons` (oldest first), dropping the oldest past the limits; when the storage is
 * full (a quota error), the older half goes and the write is tried again, down to the newest
 * alone. False when nothing could be written: the storage is full or turned off.
 */
export function storeComparisons(
  storage: MarkStorage,
  comparisons: readonly StoredComparison[],
): boolean {
  let kept = comparisons.slice(-maxStoredComparisons);
  let text = serialise(kept);
  while (text.length > maxStoredChars && kept.length > 0) {
    kept = kept.slice(1);
    text = serialise(kept);
  }
  for (;;) {
    try {
      if (kept.length === 0) storage.removeItem(reviewedStorageKey);
      else storage.setItem(reviewedStorageKey, text);
      return true;
    } catch {
      if (kept.length <= 1) return false;
      kept = kept.slice(Math.ceil(kept.length / 2));
      text = serialise(kept);
    }
  }
}
