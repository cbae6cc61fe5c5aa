/**
 * Addressable places (issue 6: "reload keeps the place"): hash routes, so the same build works
 * from app:// and from the harness without server-side routing. Parsing never throws: an
 * unknown address lands on the start page.
 */
import type { SearchQuery } from '../../../shared/ipc/workspace-types';
import { compareModes, type CompareMode } from '../compare/compare-address';

export const documentTabs = ['metadata', 'content', 'narrative', 'versions'] as const;
export type DocumentTab = (typeof documentTabs)[number];

export type Route =
  | { readonly page: 'start' }
  | { readonly page: 'search'; readonly profileId: string; readonly query: SearchQuery }
  | {
      readonly page: 'document';
      readonly profileId: string;
      readonly resourceId: string;
      readonly tab: DocumentTab;
    }
  | { readonly page: 'audit'; readonly filter: Readonly<Record<string, string>> }
  | {
      readonly page: 'compare';
      /** Sides as written in the address (compare-address.ts); the compare page checks them. */
      readonly left: string;
      readonly right: string;
      readonly ignore: string;
      readonly mode: CompareMode;
    };

const queryKeys = [
  'patient',
  'documentId',
  'setId',
  'serviceEventId',
  'from',
  'to',
  'register',
  'view',
  'status',
] as const satisfies readonly (keyof SearchQuery)[];

const statuses = new Set(['current', 'superseded', 'entered-in-error']);

function queryFrom(params: URLSearchParams): SearchQuery {
  const query: Record<string, string> = {};
  for (const key of queryKeys) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (key === 'status' && !statuses.has(value)) continue;
    query[key] = value;
  }
  return query as SearchQuery;
}

function paramsOf(values: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined || segment === '') return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** `#/env/sandbox/search?patient=…` → Route. */
export function parseRoute(hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const [path = '', search = ''] = text.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  if (parts[0] === 'audit') return { page: 'audit', filter: Object.fromEntries(params) };
  if (parts[0] === 'compare') {
    const mode = params.get('mode');
    return {
      page: 'compare',
      left: params.get('left') ?? '',
      right: params.get('right') ?? '',
      ignore: params.get('ignore') || 'auto', // no ignore parameter: the document type's profile
      mode: (compareModes as readonly string[]).includes(mode ?? '')
        ? (mode as CompareMode)
        : 'side-by-side',
    };
  }
  const profileId = decode(parts[1]);
  if (parts[0] !== 'env' || !profileId) return { page: 'start' };
  if (parts[2] === 'doc') {
    const resourceId = decode(parts[3]);
    if (!resourceId) return { page: 'search', profileId, query: {} };
    const tab = (documentTabs as readonly string[]).includes(parts[4] ?? '')
      ? (parts[4] as DocumentTab)
      : 'metadata';
    return { page: 'document', profileId, resourceId, tab };
  }
  return { page: 'search', profileId, query: queryFrom(params) };
}

/** Route → `#/…`. */
export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'start':
      return '#/';
    case 'search':
      return `#/env/${encodeURIComponent(route.profileId)}/search${paramsOf({ ...route.query })}`;
    case 'document':
      return `#/env/${encodeURIComponent(route.profileId)}/doc/${encodeURIComponent(route.resourceId)}/${route.tab}`;
    case 'audit':
      return `#/audit${paramsOf(route.filter)}`;
    case 'compare':
      return `#/compare${paramsOf({
        left: route.left,
        right: route.right,
        ignore: route.ignore === 'auto' ? undefined : route.ignore,
        mode: route.mode === 'side-by-side' ? undefined : route.mode,
      })}`;
  }
}
