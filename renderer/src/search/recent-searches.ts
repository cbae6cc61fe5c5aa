/** The last searches, per profile, kept in localStorage (newest first, no duplicates). */
import type { SearchQuery } from '../../../shared/ipc/workspace-types';

export interface RecentSearch {
  readonly profileId: string;
  readonly query: SearchQuery;
}

export const recentSearchesKey = 'archivist.recent-searches.v1';
const maxRecent = 8;

function sameQuery(a: SearchQuery, b: SearchQuery): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SearchQuery>;
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

function isRecent(value: unknown): value is RecentSearch {
  if (typeof value !== 'object' || value === null) return false;
  const { profileId, query } = value as Record<string, unknown>;
  return (
    typeof profileId === 'string' &&
    typeof query === 'object' &&
    query !== null &&
    Object.values(query).every((field) => typeof field === 'string')
  );
}

export function readRecent(storage: Storage): RecentSearch[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(recentSearchesKey) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isRecent).slice(0, maxRecent) : [];
  } catch {
    return [];
  }
}

export function rememberSearch(storage: Storage, search: RecentSearch): RecentSearch[] {
  const list = [
    search,
    ...readRecent(storage).filter(
      (old) => old.profileId !== search.profileId || !sameQuery(old.query, search.query),
    ),
  ].slice(0, maxRecent);
  try {
    storage.setItem(recentSearchesKey, JSON.stringify(list));
  } catch {
    // Only the list of recent searches is lost.
  }
  return list;
}

/** "patient 010181-900C, from 2024-01-01": a recent search as a button label. */
export function describeSearch(query: SearchQuery): string {
  return Object.entries(query)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
}
