import { describe, expect, it } from 'vitest';
import {
  loadMarks,
  memoryStorage,
  saveMarks,
  type MarkStores,
} from '../../../../../renderer/src/compare/reviewed-persistence';
import {
  reviewedStorageKey,
  type MarkStorage,
} from '../../../../../renderer/src/compare/reviewed-store';

const address = (n: number) =>
  `#/compare?left=env%3Asandbox%3Adoc-${n}&right=env%3Asandbox%3Adoc-${n + 1}`;
const identityAddress = '#/compare?left=env%3Asandbox%3A010101-900R&right=env%3Asandbox%3Adoc-1';

function stores(lasting: MarkStorage | undefined = memoryStorage()) {
  return { lasting, session: memoryStorage() } satisfies MarkStores;
}

/** A localStorage that takes nothing: full (a quota error) on every write. */
function fullStorage(): MarkStorage {
  return {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
    removeItem: () => {},
  };
}

function stored(storage: MarkStorage | undefined): unknown {
  return JSON.parse(storage?.getItem(reviewedStorageKey) ?? 'null');
}

describe('where reviewed marks last', () => {
  it('keeps marks in localStorage, where a restart reads them back', () => {
    const lasting = memoryStorage();
    expect(saveMarks(stores(lasting), address(1), new Set(['c:3:4']))).toBe('lasting');
    // A restart: a new session, the same localStorage.
    expect(loadMarks(stores(lasting), address(1))).toEqual({
      marks: new Set(['c:3:4']),
      keeping: 'lasting',
    });
  });

  it('moves marks of sessionStorage (earlier versions) to localStorage on the first load', () => {
    const both = stores();
    const old = { version: 1, comparisons: [{ address: address(2), keys: ['m:title'] }] };
    both.session.setItem(reviewedStorageKey, JSON.stringify(old));
    expect(loadMarks(both, address(1)).marks).toEqual(new Set());
    expect(stored(both.lasting)).toEqual(old);
    expect(both.session.getItem(reviewedStorageKey)).toBeNull();
    expect(loadMarks(stores(both.lasting), address(2)).marks).toEqual(new Set(['m:title']));
  });

  it('prefers sessionStorage marks of a comparison to older localStorage ones', () => {
    const both = stores();
    saveMarks(both, address(1), new Set(['c:1:1', 'c:2:2']));
    const newer = { version: 1, comparisons: [{ address: address(1), keys: ['c:2:2'] }] };
    both.session.setItem(reviewedStorageKey, JSON.stringify(newer));
    expect(loadMarks(both, address(1)).marks).toEqual(new Set(['c:2:2']));
    expect(stored(both.lasting)).toEqual(newer);
  });

  it('makes the comparison opened the most recently used one', () => {
    const both = stores();
    saveMarks(both, address(1), new Set(['c:1:1']));
    saveMarks(both, address(2), new Set(['c:2:2']));
    loadMarks(both, address(1));
    const order = (stored(both.lasting) as { comparisons: { address: string }[] }).comparisons;
    expect(order.map((entry) => entry.address)).toEqual([address(2), address(1)]);
  });

  it('keeps marks for the session when localStorage is full, and says so', () => {
    const both = stores(fullStorage());
    expect(saveMarks(both, address(1), new Set(['c:3:4']))).toBe('session-no-storage');
    // A reload in the same session still has them.
    expect(loadMarks(both, address(1)).marks).toEqual(new Set(['c:3:4']));
  });

  it('keeps marks for the session when localStorage is turned off, and says so at once', () => {
    // A SecurityError on reaching window.localStorage leaves no lasting storage at all.
    const both: MarkStores = { lasting: undefined, session: memoryStorage() };
    expect(loadMarks(both, address(1)).keeping).toBe('session-no-storage');
    expect(saveMarks(both, address(1), new Set(['c:3:4']))).toBe('session-no-storage');
    expect(loadMarks(both, address(1)).marks).toEqual(new Set(['c:3:4']));
  });

  it('moves session marks to localStorage once it takes them again', () => {
    const session = memoryStorage();
    saveMarks({ lasting: fullStorage(), session }, address(1), new Set(['c:3:4']));
    const lasting = memoryStorage();
    expect(saveMarks({ lasting, session }, address(2), new Set(['c:5:6']))).toBe('lasting');
    expect(loadMarks({ lasting, session: memoryStorage() }, address(1)).marks).toEqual(
      new Set(['c:3:4']),
    );
    expect(session.getItem(reviewedStorageKey)).toBeNull();
  });

  it('never writes an address holding an identity code to localStorage', () => {
    const both = stores();
    saveMarks(both, address(1), new Set(['c:1:1']));
    expect(saveMarks(both, identityAddress, new Set(['c:3:4']))).toBe('session-identity-code');
    expect(both.lasting.getItem(reviewedStorageKey)).not.toContain('010101');
    expect(both.lasting.getItem(reviewedStorageKey)).toContain('doc-1');
    expect(loadMarks(both, identityAddress)).toEqual({
      marks: new Set(['c:3:4']),
      keeping: 'session-identity-code',
    });
  });

  it('stores nothing but addresses and mark keys', () => {
    const both = stores();
    saveMarks(both, address(1), new Set(['c:3:4', 'm:authors[0].name', 'm:Aino Virtanen']));
    expect(stored(both.lasting)).toEqual({
      version: 1,
      comparisons: [{ address: address(1), keys: ['c:3:4', 'm:authors[0].name'] }],
    });
  });
});
