/**
 * What is wrong with one document, as short sentences a tester can act on (review 11, finding 1):
 * the environment's DocumentReference disagreeing with the CDA header, a code outside a Kanta
 * code list the project knows in full, and a missing service event id. Identity codes keep their
 * own marks (IdentityCodeFinding). Signatures are not verified here: that needs exclusive XML
 * canonicalisation of the signed element, which the project does not do.
 */
import { codeSystemName, labelFor } from '../codes/labels';
import { CodeSystems } from '../codes/code-tables';
import type { DocumentReference } from '../fhir/resources';
import type { CodedValue, DocumentMetadata } from './model';
import { referenceDisagreements } from './reference-disagreements';

export type DocumentFindingKind =
  'reference-disagrees' | 'unknown-code' | 'missing-service-event-id';

/** One problem with a document: where it is, and a sentence saying what and why it matters. */
export interface DocumentFinding {
  readonly kind: DocumentFindingKind;
  /** The element or field, e.g. `DocumentReference.date ↔ ClinicalDocument/effectiveTime`. */
  readonly where: string;
  readonly message: string;
}

/**
 * Code systems whose every value DOMAIN.md §2 lists, so a code missing from the table is wrong,
 * not merely unknown to the project. Other tables (views, document groups, …) hold only the
 * values seen in the corpus: a missing code there says nothing about the document.
 */
const COMPLETE_TABLES = new Set<string>([
  CodeSystems.register,
  CodeSystems.confidentiality,
  CodeSystems.custodianType,
]);

/** Where each checked code sits in a CDA document, and why a wrong one matters. */
const CODE_PLACES: readonly {
  readonly where: string;
  readonly pick: (meta: DocumentMetadata) => CodedValue | undefined;
  readonly why: string;
}[] = [
  {
    where: 'ClinicalDocument/code (register)',
    pick: (meta) => meta.register,
    why: 'the register decides whose records the document is filed in',
  },
  {
    where: 'ClinicalDocument/confidentialityCode',
    pick: (meta) => meta.confidentiality,
    why: 'it decides who may see the document',
  },
  {
    where: 'hl7fi:localHeader/hl7fi:custodianTypeCode',
    pick: (meta) => meta.localHeader?.custodianTypeCode,
    why: 'it tells a public register from a private one',
  },
];

function unknownCodes(meta: DocumentMetadata): DocumentFinding[] {
  return CODE_PLACES.flatMap(({ where, pick, why }) => {
    const code = pick(meta);
    if (!code?.code || !COMPLETE_TABLES.has(code.codeSystem)) return [];
    if (labelFor(code) !== undefined) return [];
    const list = codeSystemName(code.codeSystem, 'en') ?? code.codeSystem;
    return [
      {
        kind: 'unknown-code' as const,
        where,
        message: `${where} is ${code.code}, which is not a code of the Kanta ${list} list (${code.codeSystem}): ${why}.`,
      },
    ];
  });
}

/**
 * A patient-record document (its `code` is a register) that is not an archive document (local
 * header documentType 3, which the corpus writes without one) carries the service event id in
 * componentOf/encompassingEncounter/id. Prescriptions are left out: their samples say the id is
 * needed only when the prescription was written during a service event.
 */
function missingServiceEventId(meta: DocumentMetadata): DocumentFinding[] {
  if (meta.format === 'fhir' || meta.register?.codeSystem !== CodeSystems.register) return [];
  if (meta.localHeader?.documentType?.code === '3') return [];
  if (meta.serviceEventId?.root) return [];
  const where = 'componentOf/encompassingEncounter/id';
  return [
    {
      kind: 'missing-service-event-id',
      where,
      message: `${where} (the service event id, palvelutapahtumatunnus) is missing: the document cannot be linked to the service event it was written in.`,
    },
  ];
}

/**
 * Every finding for a document; `reference` is the DocumentReference the environment serves for
 * it (absent for a local file, where there is nothing to disagree with).
 */
export function documentFindings(
  meta: DocumentMetadata,
  reference?: DocumentReference,
): DocumentFinding[] {
  return [
    ...(reference ? referenceDisagreements(meta, reference) : []),
    ...unknownCodes(meta),
    ...missingServiceEventId(meta),
  ];
}

/** The findings as a text block for `archivist show`; one line when there are none. */
export function formatFindings(findings: readonly DocumentFinding[]): string[] {
  if (findings.length === 0) return ['Findings: none'];
  return [
    `Findings: ${findings.length}`,
    ...findings.map((finding) => `  !! ${finding.message}`),
    '  (signatures are not verified)',
  ];
}
