/**
 * The store's refusal rule (DOMAIN.md §1, "Data rules"): a document carrying any identity code
 * that is not a valid 900-series test code is refused, naming the code and where it is. Until the
 * DocumentReference JSON goes through the shared JSON scan (paths like `subject.identifier`);
 * the CDA bytes are scanned as text with line numbers, because the safe XML parser that the tree
 * scan (shared/identity/scan.ts) needs is not in the build yet.
 */
import { findHetuCandidates, parseHetu } from '../../shared/identity/hetu';
import { scanJsonIdentityCodes } from '../../shared/identity/scan-json';

/** One refused code and where it was found. */
export interface IdentityFinding {
  readonly value: string;
  readonly where: string;
  readonly reason: string;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Every hetu-shaped string in `text` that is not a valid test code. */
export function findNonTestCodes(text: string, where: string): IdentityFinding[] {
  const findings: IdentityFinding[] = [];
  let from = 0;
  for (const candidate of findHetuCandidates(text)) {
    const index = text.indexOf(candidate, from);
    from = index + candidate.length;
    const check = parseHetu(candidate);
    if (check.valid && check.isTestCode) continue;
    findings.push({
      value: candidate,
      where: `${where}, line ${lineOf(text, index)}`,
      reason: check.valid
        ? 'its individual number is not in the test range 900–999'
        : (check.message ?? 'it is not a valid personal identity code'),
    });
  }
  return findings;
}

/** Every identity code in a DocumentReference (or any FHIR JSON) that is not a valid test code. */
export function findNonTestCodesInJson(resource: unknown, resourceType: string): IdentityFinding[] {
  return scanJsonIdentityCodes(resource)
    .filter((finding) => !(finding.valid && finding.isTestCode))
    .map((finding) => ({
      value: finding.value,
      where: `${resourceType}.${finding.where.replace(/^\$?\.?/, '')}`,
      reason: finding.valid
        ? 'its individual number is not in the test range 900–999'
        : (finding.problem ?? 'it is not a valid personal identity code'),
    }));
}
