import { createHash } from 'node:crypto';

import type { DocumentReference, FhirAttachment } from '../../../shared/fhir/resources';
import { headerRegister } from './cda-header';
import type { DocumentSpec } from './document-spec';
import { isoTime } from './render-document';
import { idPrefixOf, type StandInArchive } from './stand-in';
import { OID } from './vocab';

/** Identifier systems of the seed DocumentReferences (documented so readers can rely on them). */
export const IDENTIFIER_SYSTEMS = {
  /** Document OID as `urn:oid:<oid>` (also masterIdentifier). */
  documentId: 'urn:ietf:rfc:3986',
  /** The series id (CDA setId) as `urn:oid:<oid>`. */
  setId: 'urn:archivist:cda:setId',
  /** The CDA versionNumber as a decimal string. */
  versionNumber: 'urn:archivist:cda:versionNumber',
} as const;

/** The DocumentReference id of the document at catalogue index `index` in an environment's archive. */
export const documentReferenceId = (index: number, archive: StandInArchive | undefined): string =>
  `${idPrefixOf(archive)}-doc-${index + 1}`;

/** Size and SHA-1 of a document's bytes, computed once per document and then remembered. */
export interface AttachmentFacts {
  readonly facts: () => { readonly size: number; readonly hash: string };
}

// size and hash need the bytes; lazy enumerable getters keep DocumentReference building cheap
// while JSON.stringify (the server's serialisation) still sees them.
function lazyAttachment(binaryId: string, source: AttachmentFacts): FhirAttachment {
  const attachment = { contentType: 'application/hl7-v3+xml', url: `Binary/${binaryId}` };
  Object.defineProperty(attachment, 'size', { enumerable: true, get: () => source.facts().size });
  Object.defineProperty(attachment, 'hash', { enumerable: true, get: () => source.facts().hash });
  return attachment;
}

/** Size and base64 SHA-1 (FHIR R4 `Attachment.hash`) of some bytes. */
export function attachmentFacts(data: Uint8Array): { size: number; hash: string } {
  return { size: data.byteLength, hash: createHash('sha1').update(data).digest('base64') };
}

function status(spec: DocumentSpec): DocumentReference['status'] {
  if (!spec.isLatest) return 'superseded';
  return spec.invalidated ? 'entered-in-error' : 'current';
}

// The planted disagreement: a date a day off and a different view code than the header says.
function metadataView(spec: DocumentSpec): { date: string; view: string } {
  const date = isoTime(spec.effectiveTime);
  if (!spec.problems.includes('metadata-disagrees-with-header'))
    return { date, view: spec.view.code };
  const shifted = new Date(Date.parse(date) + 86_400_000).toISOString().replace('.000Z', 'Z');
  return { date: shifted, view: spec.view.code === 'YLE' ? 'HOI' : 'YLE' };
}

/**
 * One frozen copy of each recurring part (type, category, organisation, patient, confidentiality):
 * a 100,000-document sandbox keeps every DocumentReference in memory, and sharing these halves
 * the objects the garbage collector has to trace. Frozen, so a write that tried to change one in
 * place would fail loudly instead of changing every document that shares it.
 */
const shared = new Map<string, unknown>();

function once<T>(key: string, make: () => T): T {
  const known = shared.get(key) as T | undefined;
  if (known !== undefined) return known;
  const made = deepFreeze(make());
  shared.set(key, made);
  return made;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function organisationOf(spec: DocumentSpec) {
  const { code, display } = spec.organisation;
  return once(`org|${code}|${display}`, () => ({
    identifier: { system: IDENTIFIER_SYSTEMS.documentId, value: `urn:oid:${code}` },
    display,
  }));
}

function sharedParts(spec: DocumentSpec, view: string) {
  const viewSystem = spec.kind === 'health' ? OID.view : OID.documentGroup;
  const register = headerRegister(spec);
  const confidentiality = spec.kind === 'health' ? '5' : '6';
  const { hetu, resource } = spec.patient;
  const organisation = organisationOf(spec);
  return {
    type: once(`type|${viewSystem}|${view}|${spec.view.display}`, () => ({
      coding: [{ system: `urn:oid:${viewSystem}`, code: view, display: spec.view.display }],
    })),
    category: once(`category|${register}|${spec.register.display}`, () => [
      {
        coding: [
          { system: `urn:oid:${OID.register}`, code: register, display: spec.register.display },
        ],
      },
    ]),
    subject: once(`subject|${resource.id}|${hetu}`, () => ({
      reference: `Patient/${resource.id}`,
      identifier: { system: `urn:oid:${OID.hetu}`, value: hetu },
    })),
    author: once(`author|${spec.organisation.code}|${spec.organisation.display}`, () => [
      organisation,
    ]),
    custodian: organisation,
    securityLabel: once(`security|${confidentiality}`, () => [
      { coding: [{ system: `urn:oid:${OID.confidentiality}`, code: confidentiality }] },
    ]),
  };
}

/** Builds the DocumentReference served for one version. */
export function buildDocumentReference(
  spec: DocumentSpec,
  binaryId: string,
  source: AttachmentFacts,
): DocumentReference & { readonly id: string } {
  const { date, view } = metadataView(spec);
  const parts = sharedParts(spec, view);
  const missingEvent = spec.problems.includes('missing-service-event-id');
  const documentOid = `urn:oid:${spec.id}`;
  return {
    resourceType: 'DocumentReference',
    id: documentReferenceId(spec.index, spec.archive),
    masterIdentifier: { system: IDENTIFIER_SYSTEMS.documentId, value: documentOid },
    identifier: [
      { system: IDENTIFIER_SYSTEMS.documentId, value: documentOid, use: 'official' },
      { system: IDENTIFIER_SYSTEMS.setId, value: `urn:oid:${spec.setId}` },
      { system: IDENTIFIER_SYSTEMS.versionNumber, value: String(spec.versionNumber) },
    ],
    status: status(spec),
    type: parts.type,
    category: parts.category,
    subject: parts.subject,
    date,
    description: spec.title,
    author: parts.author,
    custodian: parts.custodian,
    ...(spec.previousId === undefined
      ? {}
      : {
          relatesTo: [
            {
              code: 'replaces' as const,
              target: {
                reference: `DocumentReference/${documentReferenceId(spec.index - 1, spec.archive)}`,
                identifier: {
                  system: IDENTIFIER_SYSTEMS.documentId,
                  value: `urn:oid:${spec.previousId}`,
                },
              },
            },
          ],
        }),
    securityLabel: parts.securityLabel,
    content: [{ attachment: lazyAttachment(binaryId, source) }],
    context: missingEvent
      ? {}
      : {
          encounter: [
            {
              identifier: {
                system: IDENTIFIER_SYSTEMS.documentId,
                value: `urn:oid:${spec.serviceEventId}`,
              },
            },
          ],
        },
  };
}
