/**
 * FHIR R4 DocumentReference (DOMAIN.md §3; ARCHITECTURE.md "Environments") mapped to the same
 * metadata model as CDA, `format: 'fhir'`. Input is untrusted JSON: its shape is checked field by
 * field (fhir-json.ts), wrong types become warnings. The patient is `urn:oid:1.2.246.21|<hetu>`.
 * DocumentReference carries no CDA setId or versionNumber, so those stay empty; version chains
 * of FHIR documents follow `relatesTo` instead.
 */
import { CodeSystems } from '../codes/code-tables';
import { labelFor } from '../codes/labels';
import { dedupe, scanText } from '../identity/scan';
import { scanJsonIdentityCodes } from '../identity/scan-json';
import { err, ok, type Result } from '../result';
import { isJsonObject, JsonReader, type JsonObject } from './fhir-json';
import type {
  Attachment,
  Author,
  CodedValue,
  DocumentId,
  DocumentMetadata,
  FhirDetails,
  InstanceId,
  Organisation,
  Patient,
  ReadWarning,
  RelatedDocument,
} from './model';
import { decodePayload, pureCodec, type PayloadCodec } from './payload';
import { compact } from './xml-access';

const OID_PREFIX = 'urn:oid:';
const RELATION_TYPES = new Map([
  ['replaces', 'RPLC'],
  ['appends', 'APND'],
  ['transforms', 'XFRM'],
]);

function stripOid(system: string | undefined): string {
  return system?.startsWith(OID_PREFIX) ? system.slice(OID_PREFIX.length) : (system ?? '');
}

/** FHIR Identifier to an HL7 II: `urn:oid:` systems become roots, values extensions. */
export function identifierToId(identifier: JsonReader): InstanceId {
  const system = identifier.string('system');
  const value = identifier.string('value');
  if (system === 'urn:ietf:rfc:3986' && value !== undefined) {
    return { root: value.replace(/^urn:(oid|uuid):/, '') };
  }
  return compact({ root: stripOid(system), extension: value });
}

/** The first coding of a CodeableConcept (or a bare Coding) as a coded value with a label. */
function readConcept(concept: JsonReader | undefined): CodedValue | undefined {
  if (!concept) return undefined;
  const coding =
    concept.objects('coding')[0] ?? (concept.string('code') === undefined ? undefined : concept);
  const code = coding?.string('code') ?? '';
  const codeSystem = stripOid(coding?.string('system'));
  const text = concept.string('text');
  if (!coding && text === undefined) return undefined;
  return compact({
    code,
    codeSystem,
    displayName: coding?.string('display'),
    label: labelFor({ code, codeSystem }),
    originalText: text,
  });
}

function displayName(display: string | undefined) {
  return display === undefined
    ? undefined
    : { given: [], family: [], prefix: [], suffix: [], formatted: display };
}

function readPatient(subject: JsonReader | undefined): Patient | undefined {
  if (!subject) return undefined;
  const identifier = subject.object('identifier');
  const id = identifier && identifierToId(identifier);
  return compact({
    id,
    ids: id ? [id] : [],
    name: displayName(subject.string('display')),
    reference: subject.string('reference'),
  });
}

function readAuthor(author: JsonReader): Author {
  const identifier = author.object('identifier');
  return compact({
    ids: identifier ? [identifierToId(identifier)] : [],
    name: displayName(author.string('display')),
    reference: author.string('reference'),
  });
}

function readOrganisation(reference: JsonReader | undefined): Organisation | undefined {
  if (!reference) return undefined;
  const identifier = reference.object('identifier');
  return compact({
    ids: identifier ? [identifierToId(identifier)] : [],
    name: reference.string('display'),
  });
}

function readRelatesTo(relation: JsonReader): RelatedDocument {
  const code = relation.string('code') ?? '';
  const target = relation.object('target');
  const identifier = target?.object('identifier');
  return compact({
    typeCode: RELATION_TYPES.get(code) ?? code,
    id: (identifier ? identifierToId(identifier) : { root: '' }) as DocumentId,
    reference: target?.string('reference'),
  });
}

function readAttachments(
  content: readonly JsonReader[],
  warnings: ReadWarning[],
  codec: PayloadCodec,
) {
  const attachments: Attachment[] = [];
  const texts: { text: string; where: string }[] = [];
  content.forEach((item, index) => {
    const attachment = item.object('attachment');
    if (!attachment) return;
    const where = `content[${index}].attachment`;
    const mediaType = attachment.string('contentType');
    const data = attachment.string('data');
    const decoded =
      data === undefined ? undefined : decodePayload(data, mediaType, true, `${where}.data`, codec);
    warnings.push(...(decoded?.warnings ?? []));
    const declared = attachment.integer('size');
    const bytes = decoded?.payload.bytes ?? declared;
    if (
      decoded?.payload.bytes !== undefined &&
      declared !== undefined &&
      declared !== decoded.payload.bytes
    ) {
      warnings.push({
        code: 'fhir-size-mismatch',
        message: `${where}.size says ${declared} bytes, the data has ${decoded.payload.bytes}.`,
      });
    }
    if (decoded?.fullText !== undefined) {
      texts.push({ text: decoded.fullText, where: `${where}.data (decoded)` });
    }
    attachments.push(
      compact({
        mediaType,
        bytes,
        sha256: decoded?.payload.sha256,
        where,
        url: attachment.string('url'),
        title: attachment.string('title'),
      }),
    );
  });
  return { attachments, texts };
}

function readDetails(resource: JsonReader): FhirDetails {
  const meta = resource.object('meta');
  const context = resource.object('context');
  const concepts = (key: string) => resource.objects(key).flatMap((c) => readConcept(c) ?? []);
  return compact({
    resourceId: resource.string('id'),
    versionId: meta?.string('versionId'),
    lastUpdated: meta?.string('lastUpdated'),
    profiles: meta?.strings('profile') ?? [],
    status: resource.string('status'),
    docStatus: resource.string('docStatus'),
    identifiers: resource.objects('identifier').map(identifierToId),
    categories: concepts('category'),
    securityLabels: concepts('securityLabel'),
    description: resource.string('description'),
    facilityType: readConcept(context?.object('facilityType')),
    practiceSetting: readConcept(context?.object('practiceSetting')),
  });
}

function readServiceEvent(context: JsonReader | undefined) {
  if (!context) return undefined;
  const period = context.object('period');
  const effectiveTime =
    period && compact({ low: period.string('start'), high: period.string('end') });
  const code = readConcept(context.objects('event')[0]);
  if (!code && !effectiveTime) return undefined;
  return compact({ ids: [], code, effectiveTime });
}

/** Checks the resource type; anything but a DocumentReference object is refused. */
function checkResource(json: unknown): Result<JsonObject> {
  if (!isJsonObject(json)) return err('fhir-not-object', 'The FHIR input is not a JSON object.');
  const type = Object.hasOwn(json, 'resourceType') ? json.resourceType : undefined;
  if (type === 'DocumentReference') return ok(json);
  const what = typeof type === 'string' ? `a ${type}` : 'a resource without resourceType';
  return err(
    'fhir-not-document-reference',
    `This FHIR resource is ${what}, not a DocumentReference.`,
  );
}

/**
 * Maps a FHIR R4 DocumentReference (parsed JSON) to the metadata model; `codec` decodes and
 * hashes inline attachment data (Node passes its native one).
 */
export function readFhirDocumentReference(
  json: unknown,
  codec: PayloadCodec = pureCodec,
): Result<DocumentMetadata> {
  const checked = checkResource(json);
  if (!checked.ok) return checked;
  const warnings: ReadWarning[] = [];
  const resource = new JsonReader(checked.value, '', warnings);
  const master = resource.object('masterIdentifier') ?? resource.objects('identifier')[0];
  const context = resource.object('context');
  const encounter = context?.objects('encounter')[0]?.object('identifier');
  const content = resource.objects('content');
  const { attachments, texts } = readAttachments(content, warnings, codec);
  const details = readDetails(resource);
  const security = details.securityLabels;
  const meta = compact({
    format: 'fhir' as const,
    id: (master ? identifierToId(master) : { root: '' }) as DocumentId,
    title: content[0]?.object('attachment')?.string('title'),
    effectiveTime: resource.string('date'),
    languageCode: content[0]?.object('attachment')?.string('language'),
    templateIds: [],
    register: readConcept(resource.object('type')),
    confidentiality:
      security.find((c) => c.codeSystem === CodeSystems.confidentiality) ?? security[0],
    patient: readPatient(resource.object('subject')),
    authors: resource.objects('author').map(readAuthor),
    custodian: readOrganisation(resource.object('custodian')),
    serviceEventId: encounter && identifierToId(encounter),
    serviceEvent: readServiceEvent(context),
    participants: [],
    relatedDocuments: resource.objects('relatesTo').map(readRelatesTo),
    signatures: [],
    fhir: details,
    identityCodes: dedupe([
      ...scanJsonIdentityCodes(json),
      ...texts.flatMap(({ text, where }) => scanText(text, where)),
    ]),
    attachments,
    body: { kind: 'none' as const },
  });
  if (!master)
    warnings.unshift({
      code: 'missing-id',
      message: 'The DocumentReference has no masterIdentifier or identifier.',
    });
  if (content.length === 0)
    warnings.push({
      code: 'fhir-no-content',
      message: 'The DocumentReference has no content.attachment.',
    });
  return ok({ ...meta, warnings });
}
