/**
 * Where reviewed marks last (issue 7, review 9 defect 13: quitting the app lost a tester's review).
 * They are kept in the window's localStorage, which Electron keeps in the user-data folder, so
 * they survive quitting and a crash. When it cannot hold them (full, turned off) or must not (an
 * address that looks like it holds an identity code), they are kept in sessionStorage instead:
 * a reload keeps them, quitting does not, and the view says so. Marks of earlier versions, kept
 * in sessionStorage under the same key, are moved to localStorage on the first load.
 */
import { findHetuCandidates } from '../../../shared/identity/hetu';
import {
  readComparisons,
  storeComparisons,
  withMarks,
  type MarkStorage,
  type StoredComparison,
} from './reviewed-store';

/** The window's two storages; `lasting` is missing where localStorage cannot be reached. */
export interface MarkStores {
  readonly lasting: MarkStorage | undefined;
  readonly session: MarkStorage;
}

/**
 * How long a comparison's marks last: across quitting, or for this session only because the
 * storage is full or turned off, or because its address looks like it holds an identity code.
 */
export type MarksKeeping = 'lasting' | 'session-no-storage' | 'session-identity-code';

/** True when a side of the address (`env:PROFILE:RESOURCE`, `file:ID`) holds a hetu-shaped part. */
function holdsIdentityCode(address: string): boolean {
  const query = address.slice(address.indexOf('?') + 1);
  const sides = [...new URLSearchParams(query).values()].map((side) => side.replaceAll(':', ' '));
  return findHetuCandidates(sides.join(' ')).length > 0;
}

/** Both storages' comparisons, oldest first; sessionStorage's are newer (written when the other failed). */
function readBoth(stores: MarkStores): {
  comparisons: StoredComparison[];
  hasSessionMarks: boolean;
} {
  const session = readComparisons(stores.session);
  const lasting = stores.lasting ? readComparisons(stores.lasting) : [];
  const fromSession = new Set(session.map((entry) => entry.address));
  return {
    comparisons: [...lasting.filter((entry) => !fromSession.has(entry.address)), ...session],
    hasSessionMarks: session.length > 0,
  };
}

/** Writes every comparison where it lasts, or else where it lasts the session; says which. */
function storeAll(
  stores: MarkStores,
  comparisons: readonly StoredComparison[],
  address: string,
): MarksKeeping {
  if (holdsIdentityCode(address)) {
    // Only the other comparisons go to disk; this one stays in the session.
    const others = comparisons.filter((entry) => entry.address !== address);
    const own = comparisons.filter((entry) => entry.address === address);
    if (stores.lasting) storeComparisons(stores.lasting, others);
    storeComparisons(stores.session, own);
    return 'session-identity-code';
  }
  const safe = comparisons.filter((entry) => !holdsIdentityCode(entry.address));
  if (stores.lasting && storeComparisons(stores.lasting, safe)) {
    const kept = comparisons.filter((entry) => holdsIdentityCode(entry.address));
    storeComparisons(stores.session, kept);
    return 'lasting';
  }
  storeComparisons(stores.session, comparisons);
  return 'session-no-storage';
}

/**
 * The marks of the comparison at `address`, made its most recently used one; sessionStorage's
 * marks are moved to localStorage on the way.
 */
export function loadMarks(
  stores: MarkStores,
  address: string,
): { marks: Set<string>; keeping: MarksKeeping } {
  const { comparisons, hasSessionMarks } = readBoth(stores);
  const entry = comparisons.find((stored) => stored.address === address);
  const marks = new Set(entry?.keys);
  const isOlder = entry !== undefined && comparisons.at(-1) !== entry;
  if (hasSessionMarks || isOlder)
    return { marks, keeping: storeAll(stores, withMarks(comparisons, address, marks), address) };
  if (holdsIdentityCode(address)) return { marks, keeping: 'session-identity-code' };
  return { marks, keeping: stores.lasting ? 'lasting' : 'session-no-storage' };
}

/** Stores the marks of the comparison at `address` as its newest entry; says how long they last. */
export function saveMarks(
  stores: MarkStores,
  address: string,
  marks: ReadonlySet<string>,
): MarksKeeping {
  return storeAll(stores, withMarks(readBoth(stores).comparisons, address, marks), address);
}

/** A Storage over a Map: the last resort where sessionStorage cannot be reached either. */
export function memoryStorage(): MarkStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
