import { describe, expect, it } from 'vitest';
import type { ArchivistApi } from '../../../../../shared/ipc/contract';
import { ok } from '../../../../../shared/result';
import { withEnvironmentAnswers } from '../../../../../renderer/src/shell/environment-answers';

/** A bridge whose calls answer when the test says, and record the requests they got. */
function fakeApi() {
  const settle: Record<string, () => void> = {};
  const requests: unknown[] = [];
  const pending =
    (name: string, fails = false) =>
    (request: unknown) => {
      requests.push(request);
      return new Promise((resolve, reject) => {
        settle[name] = () => (fails ? reject(new Error('gone')) : resolve(ok({ name })));
      });
    };
  const api = {
    getAppInfo: pending('getAppInfo'),
    openDocument: pending('openDocument'),
    getVersions: pending('getVersions'),
    compareDocuments: pending('compareDocuments'),
    findSameDocument: pending('findSameDocument', true),
  } as unknown as ArchivistApi;
  return { api, settle, requests };
}

describe('withEnvironmentAnswers', () => {
  it('refreshes after a comparison answers, not before, and passes request and answer on', async () => {
    const { api, settle, requests } = fakeApi();
    let refreshed = 0;
    const wrapped = withEnvironmentAnswers(api, () => (refreshed += 1));
    const request = {
      compareId: 'c1',
      left: { profileId: 'at', resourceId: 'a' },
      right: { profileId: 'tk', resourceId: 'b' },
      ignoreProfile: 'auto',
    };
    const answer = wrapped.compareDocuments(request);
    expect(refreshed).toBe(0);
    settle.compareDocuments?.();
    expect(await answer).toEqual(ok({ name: 'compareDocuments' }));
    expect(refreshed).toBe(1);
    expect(requests).toEqual([request]);
  });

  it('refreshes after opening, versions and a failed same-document lookup too', async () => {
    const { api, settle } = fakeApi();
    let refreshed = 0;
    const wrapped = withEnvironmentAnswers(api, () => (refreshed += 1));
    const opened = wrapped.openDocument({ profileId: 'at', resourceId: 'a' });
    const versions = wrapped.getVersions({ profileId: 'at', resourceId: 'a' });
    const found = wrapped.findSameDocument({ profileId: 'tk', documentId: '1.2.3' });
    settle.openDocument?.();
    settle.getVersions?.();
    settle.findSameDocument?.();
    await opened;
    await versions;
    await expect(found).rejects.toThrow('gone');
    expect(refreshed).toBe(3);
  });

  it('leaves calls that read no environment alone', async () => {
    const { api, settle } = fakeApi();
    let refreshed = 0;
    const wrapped = withEnvironmentAnswers(api, () => (refreshed += 1));
    const info = wrapped.getAppInfo();
    settle.getAppInfo?.();
    await info;
    expect(refreshed).toBe(0);
  });
});
