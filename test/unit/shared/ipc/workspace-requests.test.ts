import { describe, expect, it } from 'vitest';
import { requestValidators } from '../../../../shared/ipc/contract';

const search = requestValidators['documents:search'];

describe('workspace request validators', () => {
  it('accept a full search request', () => {
    const request = {
      profileId: 'sandbox',
      searchId: '4f1c-22',
      query: {
        patient: '010181-900C',
        documentId: '1.2.3',
        setId: '1.2.4',
        serviceEventId: '1.2.5',
        from: '2024-01-01',
        to: '2024-12-31',
        register: '2',
        view: 'YLE',
        status: 'superseded',
      },
    };
    expect(search(request, 'request')).toEqual({ ok: true, value: request });
  });

  it.each([
    [{ profileId: 'Sandbox!', searchId: 's', query: {} }, 'request.profileId'],
    [{ profileId: 'sandbox', searchId: 's/../x', query: {} }, 'request.searchId'],
    [{ profileId: 'sandbox', searchId: 's', query: { status: 'deleted' } }, 'request.query.status'],
    [{ profileId: 'sandbox', searchId: 's', query: { from: '1.1.2024' } }, 'request.query.from'],
    [{ profileId: 'sandbox', searchId: 's', query: { sql: 'x' } }, "unknown field 'sql'"],
    [{ profileId: 'sandbox', searchId: 's', query: { patient: 'x'.repeat(33) } }, 'too long'],
  ])('refuse %j naming the field', (raw, message) => {
    const result = search(raw, 'request');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid-request' });
    expect(!result.ok && result.error.message).toContain(message);
  });

  it('refuse resource ids that are not FHIR ids', () => {
    const open = requestValidators['documents:open'];
    expect(open({ profileId: 'sandbox', resourceId: '../metadata' }, 'request').ok).toBe(false);
    expect(open({ profileId: 'sandbox', resourceId: 'seed-doc-1' }, 'request').ok).toBe(true);
  });

  it('refuse audit filters outside the vocabulary', () => {
    const list = requestValidators['audit:list'];
    expect(list({ filter: { action: 'X' } }, 'request').ok).toBe(false);
    expect(list({ filter: { action: 'R', outcome: '8', from: '2024-01-01' } }, 'request').ok).toBe(
      true,
    );
  });
});
