/**
 * Where reviewed marks are kept: the window's sessionStorage, so a reload (F5 / Ctrl+R) keeps
 * them while the app runs, and they end with it. Not localStorage: nothing about a patient's
 * documents is written to disk. Only each comparison's address and its mark keys are stored
 * (reviewed-keys.ts), never document text. What is read there may be stale, edited or cut short:
 * anything malformed or oversized is ignored as a whole, and the marks start empty.
 */

/** The one sessionStorage item holding every comparison's marks. */
export const reviewedStorageKey = 'archivist.reviewed-marks';
/** Longer stored values are ignored, and older comparisons are dropped to stay under it. */
export const maxStoredChars = 200_000;
/** Comparisons kept at most: a session reviews a few dozen, not thousands. */
export const maxStoredComparisons = 30;

const addressPattern = /^#\/compare\?[\w%=&.*+-]{1,400}$/;
const markPattern = /^(?:c:\d{1,9}:\d{1,9}|m:\P{Cc}{1,300})$/u;

interface StoredComparison {
  readonly address: string;
  readonly keys: readonly string[];
}

/** The part of Storage used here, so tests can pass a plain object. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isStoredComparison(value: unknown): value is StoredComparison {
  if (typeof value !== 'object' || value === null) return false;
  const { address, keys } = value as Record<string, unknown>;
  return (
    typeof address === 'string' &&
    addressPattern.test(address) &&
    Array.isArray(keys) &&
    keys.every((key) => typeof key === 'string' && markPattern.test(key))
  );
}

/** Every stored comparison, oldest first; none when the value is missing, malformed or too long. */
function readAll(storage: MarkStorage): StoredComparison[] {
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

/** The marks stored for the comparison at `address`. */
export function readMarks(storage: MarkStorage, address: string): Set<string> {
  return new Set(readAll(storage).find((entry) => entry.address === address)?.keys);
}

/**
 * Stores the marks of the comparison at `address` as its newest entry, dropping the oldest
 * comparisons past the limits. Marks too many to store stay in the window's memory only.
 */
export function writeMarks(
  storage: MarkStorage,
  address: string,
  marks: ReadonlySet<string>,
): void {
  const keys = [...marks].filter((key) => markPattern.test(key));
  const others = readAll(storage).filter((entry) => entry.address !== address);
  // At most half the room for one comparison, so the newest one always fits once older go.
  const fits = JSON.stringify(keys).length <= maxStoredChars / 2;
  const comparisons = keys.length > 0 && fits ? [...others, { address, keys }] : others;
  while (comparisons.length > maxStoredComparisons) comparisons.shift();
  let text = JSON.stringify({ version: 1, comparisons });
  while (text.length > maxStoredChars && comparisons.length > 0) {
    comparisons.shift();
    text = JSON.stringify({ version: 1, comparisons });
  }
  try {
    if (comparisons.length === 0) storage.removeItem(reviewedStorageKey);
    else storage.setItem(reviewedStorageKey, text);
  } catch {
    // A full or unavailable storage keeps the marks for this view only, as before reloads kept any.
  }
}
