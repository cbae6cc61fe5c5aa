/**
 * The store's refusal rule (DOMAIN.md §1, "Data rules"): a document carrying any identity code
 * that is not a valid 900-series test code is refused, naming the code and where it is. Both
 * checks use the shared scans (shared/identity/): the DocumentReference JSON by path
 * (`subject.identifier`), the CDA bytes as text line by line, so the refusal names the line; the
 * tree scan needs the safe XML parser, which the sandbox does not run.
 */
import { scanText, type IdentityCodeFinding } from '../../shared/identity/scan';
import { scanJsonIdentityCodes } from '../../shared/identity/scan-json';

/** One refused code and where it was found. */
export interface IdentityFinding {
  readonly value: string;
  readonly where: string;
  readonly reason: string;
}

function refusals(findings: readonly IdentityCodeFinding[]): IdentityFinding[] {
  return findings
    .filter((finding) => !(finding.valid && finding.isTestCode))
    .map((finding) => ({
      value: finding.value,
      where: finding.where,
      reason: finding.valid
        ? 'its individual number is not in the test range 900–999'
        : (finding.problem ?? 'it is not a valid personal identity code'),
    }));
}

/** Every hetu-shaped string in `text` that is not a valid test code. */
export function findNonTestCodes(text: string, where: string): IdentityFinding[] {
  return refusals(
    text.split('\n').flatMap((line, index) => scanText(line, `${where}, line ${index + 1}`)),
  );
}

/** Every identity code in a DocumentReference (or any FHIR JSON) that is not a valid test code. */
export function findNonTestCodesInJson(resource: unknown, resourceType: string): IdentityFinding[] {
  return refusals(
    scanJsonIdentityCodes(resource).map((finding) => ({
      ...finding,
      where: `${resourceType}.${finding.where.replace(/^\$?\.?/, '')}`,
    })),
  );
}
