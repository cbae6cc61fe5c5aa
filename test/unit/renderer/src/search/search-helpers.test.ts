import { describe, expect, it } from 'vitest';
import { hetuFeedback } from '../../../../../renderer/src/search/hetu-check';
import {
  describeSearch,
  readRecent,
  recentSearchesKey,
  rememberSearch,
} from '../../../../../renderer/src/search/recent-searches';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('hetu feedback as typed', () => {
  it.each([
    ['', 'empty'],
    ['010181', 'incomplete'],
    ['010181-900C', 'ok'],
    ['010181-900c', 'ok'],
    ['010181-900D', 'refused'],
    ['010181-123A', 'refused'],
    ['320181-900C', 'refused'],
  ])('%s is %s', (value, kind) => {
    expect(hetuFeedback(value).kind).toBe(kind);
  });

  it('gives the reason', () => {
    const wrong = hetuFeedback('010181-900D');
    expect(wrong.kind === 'refused' && wrong.message).toMatch(/control character/i);
    const real = hetuFeedback('010181-123A');
    expect(real.kind === 'refused' && real.message).toContain('900–999');
  });
});

describe('recent searches', () => {
  it('keeps the newest first without duplicates, at most eight', () => {
    const storage = memoryStorage();
    for (let i = 0; i < 10; i++)
      rememberSearch(storage, { profileId: 'sandbox', query: { setId: `1.2.${i}` } });
    rememberSearch(storage, { profileId: 'sandbox', query: { setId: '1.2.5' } });
    const list = readRecent(storage);
    expect(list).toHaveLength(8);
    expect(list[0]?.query).toEqual({ setId: '1.2.5' });
    expect(list.filter((r) => r.query.setId === '1.2.5')).toHaveLength(1);
  });

  it('ignores a damaged list', () => {
    const storage = memoryStorage();
    storage.setItem(recentSearchesKey, '[{"profileId":1},{"profileId":"a","query":{"x":2}}]');
    expect(readRecent(storage)).toEqual([]);
  });

  it('describes a search', () => {
    expect(describeSearch({ patient: '010181-900C', from: '2024-01-01' })).toBe(
      'patient 010181-900C, from 2024-01-01',
    );
  });
});
