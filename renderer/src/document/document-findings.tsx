/**
 * What is wrong with the document, first thing on its page: a heading and a list a screen reader
 * reads in order (review 11, finding 1). Identity codes that fail the test-data check come
 * first, because the test service refuses such a document; then the workspace's findings
 * (DocumentReference against the header, codes outside their Kanta list, a missing service
 * event id). The Metadata tab keeps marking the fields themselves.
 */
import type { DocumentFinding } from '../../../shared/documents/document-findings';
import type { DocumentMetadata } from '../../../shared/documents/model';
import { formatIdentityProblem } from '../../../shared/ipc/identity-problems';
import './document-findings.css';

export interface DocumentFindingsProps {
  readonly metadata: DocumentMetadata;
  readonly findings: readonly DocumentFinding[];
}

/** Every problem as one sentence, identity codes first. */
export function findingSentences(props: DocumentFindingsProps): string[] {
  const identity = props.metadata.identityCodes
    .filter((finding) => !finding.valid || !finding.isTestCode)
    .map(formatIdentityProblem);
  return [...identity, ...props.findings.map((finding) => finding.message)];
}

export function DocumentFindings(props: DocumentFindingsProps) {
  const sentences = findingSentences(props);
  if (sentences.length === 0)
    return (
      <section className="document-findings is-clean" aria-labelledby="findings-heading">
        <h3 id="findings-heading">No findings</h3>
        <p className="muted">
          The identity codes, the DocumentReference against the header, the Kanta code lists and the
          service event id were checked; signatures are not verified.
        </p>
      </section>
    );
  return (
    <section className="document-findings" aria-labelledby="findings-heading">
      <h3 id="findings-heading">
        {sentences.length === 1 ? '1 finding' : `${sentences.length} findings`}
      </h3>
      <ul>
        {sentences.map((sentence, index) => (
          <li key={index}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}
