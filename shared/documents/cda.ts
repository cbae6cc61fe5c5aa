/**
 * Reads a CDA R2 ClinicalDocument (with the Finnish header extensions) from the neutral XML tree
 * into DocumentMetadata. Strict about what the document is (the root must be ClinicalDocument in
 * urn:hl7-org:v3), tolerant about what it contains: real documents lack optional elements, use
 * nullFlavor, or miss things the specification requires; those become warnings, not failures.
 */
import { err, ok, type Result } from '../result';
import { dedupe, scanIdentityCodes, scanText } from '../identity/scan';
import { Namespaces, type XmlElement, type XmlNode } from '../xml/tree';
import { readBody, type BodyResult } from './cda-body';
import {
  readAuthors,
  readCustodian,
  readEncounter,
  readParticipants,
  readPatient,
  readRelatedDocuments,
  readServiceEvent,
  readVersionNumber,
} from './cda-header';
import { readCode, readId, readIds, readTime } from './datatypes';
import { readLocalHeader, readLocalSocialHeader } from './local-header';
import type { DocumentId, DocumentMetadata, ReadWarning, SetId } from './model';
import type { PayloadCodec } from './payload';
import { readSignatures } from './signatures';
import { attr, child, cleanText, compact } from './xml-access';

/** Options for reading; `body: false` reads the header only (fast path for lists). */
export interface ReadOptions {
  readonly body?: boolean;
  /** Base64 and SHA-256 for embedded payloads; default the pure-TypeScript ones (payload.ts). */
  readonly codec?: PayloadCodec;
}

/** Refuses anything but a CDA ClinicalDocument, with a sentence a tester understands. */
export function checkCdaRoot(root: XmlElement): Result<XmlElement> {
  if (root.name === 'ClinicalDocument' && root.namespace === Namespaces.hl7v3) return ok(root);
  const what =
    root.namespace === ''
      ? `<${root.name}> in no namespace`
      : `<${root.name}> in namespace ${root.namespace}`;
  return err(
    'not-cda',
    `This is not a CDA document: the root element is ${what}, expected <ClinicalDocument> in ${Namespaces.hl7v3}.`,
    root.line === undefined ? undefined : { line: root.line },
  );
}

/** Header checks whose failure a tester should see: they are required in Kanta documents. */
function headerWarnings(meta: Omit<DocumentMetadata, 'warnings'>): ReadWarning[] {
  const warnings: ReadWarning[] = [];
  const warn = (code: string, message: string): void => {
    warnings.push({ code, message });
  };
  if (meta.id.root === '')
    warn('missing-id', 'The document has no id (ClinicalDocument/id/@root).');
  if (!meta.setId || meta.setId.root === '')
    warn('missing-set-id', 'The document has no setId, so its version series is unknown.');
  if (meta.versionNumber === undefined)
    warn('missing-version', 'The document has no usable versionNumber.');
  if (meta.encounter?.serviceUnit && meta.encounter.serviceUnit.ids.length === 0) {
    warn(
      'missing-service-unit-id',
      'The service unit (componentOf/encompassingEncounter/location/healthCareFacility) has no id.',
    );
  }
  return warnings;
}

function readHeaderExtensions(root: XmlElement) {
  const local = child(root, 'localHeader', Namespaces.hl7fi);
  const social = child(root, 'localSocialHeader', Namespaces.hl7fi);
  return {
    localHeader: local && readLocalHeader(local),
    localSocialHeader: social && readLocalSocialHeader(social),
    signatures: [...readSignatures(local), ...readSignatures(social)],
  };
}

/** The root without its body, so a header-only read does not walk a large body. */
function withoutBody(root: XmlElement): XmlElement {
  const isBody = (node: XmlNode): boolean =>
    node.kind === 'element' && node.name === 'component' && node.namespace === Namespaces.hl7v3;
  return { ...root, children: root.children.filter((node) => !isBody(node)) };
}

/** Reads a ClinicalDocument tree into the metadata model (format 'cda'). */
export function readCdaDocument(
  root: XmlElement,
  options: ReadOptions = {},
): Result<DocumentMetadata> {
  const checked = checkCdaRoot(root);
  if (!checked.ok) return checked;
  const id = child(root, 'id');
  const setId = child(root, 'setId');
  const isHeaderOnly = options.body === false;
  const body: BodyResult = isHeaderOnly
    ? { body: { kind: 'none' }, attachments: [], texts: [], warnings: [] }
    : readBody(root, options.codec);
  const meta = compact({
    format: 'cda' as const,
    id: (id ? readId(id) : { root: '' }) as DocumentId,
    setId: setId && (readId(setId) as SetId),
    versionNumber: readVersionNumber(child(root, 'versionNumber')),
    title: cleanText(child(root, 'title')),
    effectiveTime: readTime(child(root, 'effectiveTime')),
    languageCode: attr(child(root, 'languageCode'), 'code'),
    realmCode: attr(child(root, 'realmCode'), 'code'),
    templateIds: readIds(root, 'templateId'),
    register: readCode(child(root, 'code')),
    confidentiality: readCode(child(root, 'confidentialityCode')),
    copyTime: readTime(child(root, 'copyTime')),
    patient: readPatient(root),
    authors: readAuthors(root),
    custodian: readCustodian(root),
    serviceEventId: serviceEventId(root),
    encounter: readEncounter(root),
    serviceEvent: readServiceEvent(root),
    participants: readParticipants(root),
    relatedDocuments: readRelatedDocuments(root),
    ...readHeaderExtensions(root),
    identityCodes: dedupe([
      ...scanIdentityCodes(isHeaderOnly ? withoutBody(root) : root),
      ...body.texts.flatMap(({ text, where }) => scanText(text, where)),
    ]),
    attachments: body.attachments,
    body: body.body,
  });
  return ok({ ...meta, warnings: [...headerWarnings(meta), ...body.warnings] });
}

function serviceEventId(root: XmlElement) {
  const encounter = child(child(root, 'componentOf'), 'encompassingEncounter');
  return readIds(encounter)[0];
}
