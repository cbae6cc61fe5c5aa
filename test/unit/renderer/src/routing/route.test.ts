import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../../../renderer/src/routing/route';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['#/', { page: 'start' }],
    ['', { page: 'start' }],
    ['#/env/sandbox/search', { page: 'search', profileId: 'sandbox', query: {} }],
    [
      '#/env/sandbox/search?patient=010181-900C&from=2024-01-01&status=superseded',
      {
        page: 'search',
        profileId: 'sandbox',
        query: { patient: '010181-900C', from: '2024-01-01', status: 'superseded' },
      },
    ],
    [
      '#/env/at-1/doc/seed-doc-5/content',
      { page: 'document', profileId: 'at-1', resourceId: 'seed-doc-5', tab: 'content' },
    ],
    ['#/audit?action=R', { page: 'audit', filter: { action: 'R' } }],
  ])('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('lands somewhere sensible on odd addresses', () => {
    expect(parseRoute('#/nowhere')).toEqual({ page: 'start' });
    expect(parseRoute('#/env/%E0%A4%A/search')).toEqual({ page: 'start' });
    expect(parseRoute('#/env/s/doc/x/unknown-tab')).toMatchObject({ tab: 'metadata' });
    expect(parseRoute('#/env/s/search?status=deleted&junk=1')).toEqual({
      page: 'search',
      profileId: 's',
      query: {},
    });
  });
});
