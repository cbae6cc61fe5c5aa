/**
 * One compare worker thread's messages, called directly: a comparison whose right side another
 * worker reads waits for it, a late right side for an answered comparison gets no answer, and a
 * right side that does not unpack is a typed error.
 */
import { describe, expect, it } from 'vitest';
import { handleCompareRequest } from '../../../../../electron/services/compare/compare-worker-protocol';
import { CompareWorkerSession } from '../../../../../electron/services/compare/compare-worker-session';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';
import { leftXml, rightXml } from '../report/report-fixture-documents';

const bytes = (text: string) => new TextEncoder().encode(text);
const request = (id: number, left = leftXml) => ({
  id,
  left: bytes(left),
  right: 'read-elsewhere' as const,
  profile: noIgnoreProfile,
  keepLines: true,
});

/** The helper's packed right side, as the helper thread answers it. */
function readRight(id: number) {
  const answer = new CompareWorkerSession().handle({
    id,
    kind: 'read-side',
    bytes: bytes(rightXml),
    side: 'right',
  });
  if (!answer) throw new Error('the helper did not answer');
  expect(answer.transfer).toHaveLength(1);
  return answer.message.result;
}

describe('CompareWorkerSession', () => {
  it('answers a comparison when its right side arrives, as reading both sides would', () => {
    const session = new CompareWorkerSession();
    expect(session.handle(request(3))).toBeUndefined();
    const answer = session.handle({ id: 3, kind: 'right-side', result: readRight(3) });
    const expected = handleCompareRequest({
      ...request(3),
      right: bytes(rightXml),
    });
    expect(expected.result.ok).toBe(true);
    expect(answer?.message).toEqual(expected);
  });

  it('answers a left document that cannot be read at once, and ignores its late right side', () => {
    const session = new CompareWorkerSession();
    const answer = session.handle(request(4, 'not xml'));
    expect(answer?.message).toMatchObject({ id: 4, result: { ok: false } });
    expect(session.handle({ id: 4, kind: 'right-side', result: readRight(4) })).toBeUndefined();
  });

  it('ignores a right side for another comparison than the one waiting', () => {
    const session = new CompareWorkerSession();
    expect(session.handle(request(5))).toBeUndefined();
    expect(session.handle({ id: 6, kind: 'right-side', result: readRight(6) })).toBeUndefined();
    expect(session.handle({ id: 5, kind: 'right-side', result: readRight(5) })).toBeDefined();
  });

  it('passes on why the right side could not be read', () => {
    const session = new CompareWorkerSession();
    session.handle(request(7));
    const failed = {
      ok: false,
      error: { code: 'xml-malformed', message: 'The right document: x' },
    };
    const answer = session.handle({ id: 7, kind: 'right-side', result: failed });
    expect(answer?.message).toEqual({ id: 7, result: failed });
  });

  it('refuses a right side that does not unpack with a typed error', () => {
    const session = new CompareWorkerSession();
    session.handle(request(8));
    const broken = {
      ok: true,
      value: { metadata: {}, tree: { ops: new Int32Array([1, 99]), names: [], text: '' } },
    };
    const answer = session.handle({ id: 8, kind: 'right-side', result: broken });
    expect(answer?.message).toMatchObject({
      id: 8,
      result: { ok: false, error: { code: 'compare-resources' } },
    });
  });
});
