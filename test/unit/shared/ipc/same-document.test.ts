/** The request of "Compare with the same document in another environment…" is checked in main. */
import { describe, expect, it } from 'vitest';
import { requestValidators } from '../../../../shared/ipc/contract';

const findSame = requestValidators['documents:find-same'];

describe('documents:find-same request', () => {
  it.each(['1.2.246.10.99990001.2026.50', '1.2.246.10.1^abc-1'])('accepts the id %s', (id) => {
    const request = { profileId: 'tk', documentId: id };
    expect(findSame(request, 'request')).toEqual({ ok: true, value: request });
  });

  it.each([
    [{ profileId: 'tk', documentId: '' }, 'request.documentId'],
    [{ profileId: 'tk', documentId: '1.2.3|x&status=current' }, 'request.documentId'],
    [{ profileId: 'TK!', documentId: '1.2.3' }, 'request.profileId'],
    [{ profileId: 'tk' }, 'request.documentId'],
  ])('refuses %j, naming %s', (raw, path) => {
    const checked = findSame(raw, 'request');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.message).toContain(path);
  });
});
