/**
 * The compare worker is told each environment side's stored status (the bytes do not carry it)
 * and compares it as metadata; a request with a status it does not know is refused, not guessed.
 */
import { describe, expect, it } from 'vitest';
import { handleCompareRequest } from '../../../../../electron/services/compare/compare-worker-protocol';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';

const cda = new TextEncoder().encode(
  '<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2.3"/><title>T</title></ClinicalDocument>\n',
);
const request = (storedStatus: unknown) => ({
  id: 3,
  left: cda,
  right: cda,
  profile: noIgnoreProfile,
  storedStatus,
});

describe('the compare worker and stored statuses', () => {
  it('compares the statuses it is given and names them on each side', () => {
    const response = handleCompareRequest(request({ left: 'current', right: 'replaced' }));
    if (!response.result.ok) throw new Error(response.result.error.message);
    const { result } = response.result.value;
    expect(result.identical).toBe(false);
    expect(result.metadata.shown.map((change) => change.path)).toEqual(['storedStatus']);
    expect([result.left.storedStatus, result.right.storedStatus]).toEqual(['current', 'replaced']);
  });

  it.each([{ left: 'deleted' }, 'current', { right: 3 }])('refuses the status %j', (status) => {
    const response = handleCompareRequest(request(status));
    expect(response.result.ok).toBe(false);
    expect(!response.result.ok && response.result.error.code).toBe('compare-bad-request');
  });
});
