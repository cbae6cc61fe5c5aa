/** One sentence per identity code that fails the test-data check, for badges and tooltips. */
import type { IdentityCodeFinding } from '../identity/scan';

export function formatIdentityProblem(finding: IdentityCodeFinding): string {
  if (!finding.valid)
    return `${finding.value} (${finding.where}) is not a valid identity code. ${finding.problem ?? ''}`.trim();
  return `${finding.value} (${finding.where}) is not a test code (individual number 900–999); the test service refuses this document.`;
}
